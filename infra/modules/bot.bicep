// The Azure Bot of one country deployment: Azure Bot Service relays every channel's messages (Web
// Chat, Direct Line, and any channel added later: Teams, Telegram, SMS...) to the Function App's
// POST /api/messages, signed by the Bot Connector. The bot's identity is the app's user-assigned
// managed identity (msaAppType UserAssignedMSI): its client id is the bot's app id, the audience of
// the Connector's tokens and the identity the app's replies are sent with. No password exists.

param name string

param tags object

@description('https address of the messaging endpoint: the Function App\'s /api/messages.')
param messagingEndpoint string

@description('Resource id of the user-assigned identity that is the bot\'s app.')
param identityId string

@description('Client id of that identity: the bot\'s app id (BotFramework:AppId).')
param identityClientId string

@description('Tenant of that identity.')
param tenantId string

@description('F0 (free, standard channels limited) or S1.')
@allowed(['F0', 'S1'])
param sku string

param workspaceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot is a global resource; its data stays with the channels and the app.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: name
    endpoint: messagingEndpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [{ siteName: 'Default Site', isEnabled: true, isWebchatPreviewEnabled: true }]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [{ siteName: 'Default Site', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false, isBlockUserUploadEnabled: false }]
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: bot
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = bot.name
