targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: group
  params: {
    environmentName: environmentName
    location: location
    tags: tags
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_STORAGE_TABLE_ENDPOINT string = resources.outputs.tableEndpoint
output WEB_URL string = resources.outputs.webUrl
