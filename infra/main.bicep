targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; names every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@minValue(1)
@maxValue(10)
@description('How many silos (azd env set SILO_COUNT 3); each is its own container app with one replica.')
param siloCount int = 1

@description('Image of the silos; azd fills it in after the first deploy, so a later provision keeps the running image.')
param siloImage string = ''

@description('Image of the web node; as siloImage.')
param webImage string = ''

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
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

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
    siloCount: siloCount
    siloImage: empty(siloImage) ? placeholderImage : siloImage
    webImage: empty(webImage) ? placeholderImage : webImage
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
output SILO_APP_NAMES string = join(resources.outputs.siloAppNames, ' ')
output STREAM_QUEUE_COUNT int = resources.outputs.streamQueueCount
