@description('Name of the azd environment.')
param environmentName string

@description('Azure region.')
param location string

@description('Tags put on every resource.')
param tags object

@description('Outgoing email (Conversations:Email:*): smtpHost, smtpPort, smtpUser, from; an empty smtpHost leaves email off.')
param email { smtpHost: string, smtpPort: string, smtpUser: string, from: string }

@minValue(1)
@maxValue(10)
@description('How many silos: each its own container app with one replica.')
param siloCount int

@description('Image of every silo (the one azd deployed last, or the placeholder before the first deploy).')
param siloImage string

@description('Image of the web node.')
param webImage string

@secure()
@description('SMTP password.')
param smtpPassword string

@secure()
@description('HMAC key of the ticket tokens in reply addresses.')
param emailTokenSecret string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var clusterId = 'conversations-${environmentName}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module environment 'modules/environment.bicep' = {
  name: 'environment'
  params: {
    name: 'cae-${token}'
    logAnalyticsName: 'log-${token}'
    location: location
    tags: tags
  }
}

// Azure Queue streams: each silo pulls a share of the queues, so there are four per silo (eight at least). Every node
// hashes streams onto this count, so changing it means rolling every silo and web node (README, operator section).
var streamQueueCount = max(8, 4 * siloCount)

var sharedSettings = [
  { name: 'Conversations__TableServiceUri', value: storage.outputs.tableEndpoint }
  { name: 'Conversations__QueueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'Conversations__BlobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'Conversations__Streams', value: 'AzureQueue' }
  { name: 'Conversations__StreamQueueCount', value: string(streamQueueCount) }
  { name: 'Conversations__ClusterId', value: clusterId }
  { name: 'AZURE_CLIENT_ID', value: identity.outputs.clientId }
]

// Email is read by the silo only; the password and token key go in as Container Apps secrets.
var emailOn = !empty(email.smtpHost)
var emailSettings = emailOn ? concat([
  { name: 'Conversations__Email__SmtpHost', value: email.smtpHost }
  { name: 'Conversations__Email__SmtpPort', value: email.smtpPort }
  { name: 'Conversations__Email__TokenSecret', secretRef: 'email-token-secret' }
], empty(email.from) ? [] : [
  { name: 'Conversations__Email__From', value: email.from }
], empty(email.smtpUser) ? [] : [
  { name: 'Conversations__Email__SmtpUser', value: email.smtpUser }
  { name: 'Conversations__Email__SmtpPassword', secretRef: 'smtp-password' }
]) : []
var emailSecrets = concat(emailOn ? [{ name: 'email-token-secret', value: emailTokenSecret }] : [], emailOn && !empty(email.smtpUser) ? [{ name: 'smtp-password', value: smtpPassword }] : [])

// Orleans on Container Apps: one silo per app, exactly one replica each, advertising its own container address;
// silo 0 is the app azd deploys to, infra/hooks/roll-silos.sh gives the others its image one at a time.
module silos 'modules/container-app.bicep' = [for i in range(0, siloCount): {
  name: 'silo-${i}'
  params: {
    name: i == 0 ? 'ca-silo-${token}' : 'ca-silo${i}-${token}'
    serviceName: 'silo'
    azdTarget: i == 0
    image: siloImage
    location: location
    tags: tags
    environmentId: environment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    external: false
    targetPort: 8080
    internalTcpPorts: [{ port: 11111 }, { port: 30000 }]
    minReplicas: 1
    maxReplicas: 1
    settings: concat(sharedSettings, [
      { name: 'Urls', value: 'http://0.0.0.0:8080' }
      { name: 'Conversations__Silo__AdvertisedAddress', value: 'auto' }
    ], emailSettings)
    secrets: { list: emailSecrets }
  }
}]

module web 'modules/container-app.bicep' = {
  name: 'web'
  params: {
    name: 'ca-web-${token}'
    serviceName: 'web'
    image: webImage
    location: location
    tags: tags
    environmentId: environment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    external: true
    targetPort: 8080
    minReplicas: 1
    maxReplicas: 10
    settings: concat(sharedSettings, [
      { name: 'Urls', value: 'http://0.0.0.0:8080' }
      // Behind the Container Apps ingress: the browser's scheme (https) and address arrive as X-Forwarded-Proto/-For.
      { name: 'Conversations__TrustForwardedFor', value: 'true' }
    ])
    secrets: { list: [] }
  }
}

output registryLoginServer string = registry.outputs.loginServer
output tableEndpoint string = storage.outputs.tableEndpoint
output siloAppNames array = [for i in range(0, siloCount): silos[i].outputs.name]
output streamQueueCount int = streamQueueCount
output webUrl string = 'https://${web.outputs.fqdn}'
