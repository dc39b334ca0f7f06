@description('Container app name.')
param name string

@description('The azd service this app hosts (azure.yaml).')
param serviceName string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object

@description('Container Apps environment id.')
param environmentId string

@description('User-assigned identity the app runs as and pulls images with.')
param identityId string

@description('Registry login server.')
param registryServer string

@description('Whether the ingress is public.')
param external bool

@description('Port the container listens on.')
param targetPort int

@description('Fewest replicas.')
param minReplicas int

@description('Most replicas.')
param maxReplicas int

@description('Environment variables of the container; an entry with secretRef reads one of the secrets.')
param settings array

@secure()
@description('Container Apps secrets: { list: [ { name, value } ] } (names: lower case letters, digits and dashes).')
param secrets object

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      ingress: {
        external: external
        targetPort: targetPort
        transport: 'auto'
        stickySessions: { affinity: 'sticky' }
      }
      secrets: secrets.list
      registries: [
        { server: registryServer, identity: identityId }
      ]
    }
    template: {
      containers: [
        {
          name: serviceName
          image: 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
          env: settings
          resources: { cpu: json('1.0'), memory: '2Gi' }
          probes: [
            { type: 'Liveness', httpGet: { path: '/health', port: targetPort }, initialDelaySeconds: 15 }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
