using LegalAidReferral.Functions;
using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Cosmos DB only: start-up fails with the missing setting named when Storage:Cosmos is not configured.
builder.Services.AddLegalAidReferral(builder.Configuration, StorageHost.FunctionsApp);
builder.Build().Run();
