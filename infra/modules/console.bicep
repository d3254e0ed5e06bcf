// The web console (src/LegalAidReferral.WebConsole, a Blazor WebAssembly app) as an Azure Static
// Web App. Its /api is linked to the country's Function App, so the console and the API share one
// origin: no CORS, and the API's ETag and Location headers reach the console. Standard is the plan
// that links a backend. The site holds no case data: it serves the console's files, and /api calls
// pass through to the Function App, which still validates every Entra ID token itself.

@description('Name of the static web app.')
param name string

@description('Region of the static web app (Static Web Apps runs in a few regions only; it serves files and proxies /api).')
param location string

param tags object

@description('Resource id of the Function App that answers /api.')
param functionAppId string

@description('Region of the Function App.')
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'functions'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
