// Log Analytics (every log and metric) and Application Insights on top of it. Local (key) auth is
// off on Application Insights: telemetry is accepted only from Entra ID identities, so the
// connection string the Function App gets carries no credential.

param namePrefix string

@description('Azure region.')
param location string

param tags object

@description('Days Log Analytics keeps data.')
param retentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${namePrefix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    features: { disableLocalAuth: true }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${namePrefix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output workspaceId string = workspace.id
output insightsId string = insights.id
output insightsName string = insights.name
