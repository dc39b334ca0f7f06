@description('Container app name.')
param name string

@description('The azd service this app hosts (azure.yaml); also the container name.')
param serviceName string

@description('Whether azd deploys to this app (tag azd-service-name). Only one app per service may carry it; the other silos get their image from infra/hooks/roll-silos.sh.')
param azdTarget bool = true

@description('Container image; the placeholder until azd has deployed one.')
param image string

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

@description('More TCP ports reachable inside the environment (Orleans silo-to-silo and gateway ports), as { port }.')
param internalTcpPorts array = []

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
  tags: azdTarget ? union(tags, { 'azd-service-name': serviceName }) : union(tags, { 'conversations-role': serviceName })
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
        additionalPortMappings: [for p in internalTcpPorts: { external: false, targetPort: p.port, exposedPort: p.port }]
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
          image: image
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
output name string = app.name
