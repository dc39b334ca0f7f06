targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('SMTP server the silo hands outgoing email to; leave empty to deploy without email.')
param smtpHost string = ''

@description('Port of the SMTP server (STARTTLS is used when offered).')
param smtpPort string = '587'

@description('SMTP user name; empty when the server needs no authentication.')
param smtpUser string = ''

@secure()
@description('SMTP password (with smtpUser).')
param smtpPassword string = ''

@description('Sender address of every email; its domain also makes the signed reply addresses.')
param emailFrom string = ''

@secure()
@description('HMAC key (32+ characters) signing ticket tokens in reply addresses; required when smtpHost is set.')
param emailTokenSecret string = ''

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
    email: {
      smtpHost: smtpHost
      smtpPort: smtpPort
      smtpUser: smtpUser
      from: emailFrom
    }
    smtpPassword: smtpPassword
    emailTokenSecret: emailTokenSecret
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_STORAGE_TABLE_ENDPOINT string = resources.outputs.tableEndpoint
output WEB_URL string = resources.outputs.webUrl
