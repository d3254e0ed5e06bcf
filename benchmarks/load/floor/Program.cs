// BASELINE ONLY: the floor that benchmarks/load/run.sh compares the service with. It does the least an
// authenticated intake needs on this machine: check the same RS256 bearer token (the standalone host's
// dev signing key, issuer and audience), parse the JSON body, insert one row into SQLite in WAL mode;
// and a read route that selects one row. No validation, no audit, no index: never a model to copy.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var key = JsonDocument.Parse(File.ReadAllText(app.Configuration["key"] ?? throw new InvalidOperationException("--key <dev-signing-key.json>"))).RootElement;
var rsa = System.Security.Cryptography.RSA.Create();
rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.GetProperty("PrivateKeyPkcs8").GetString()!), out _);
var validation = new TokenValidationParameters
{
    ValidIssuer = "https://legalaidreferral.local/dev-issuer",
    ValidAudience = "api://legalaidreferral-dev",
    IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = key.GetProperty("KeyId").GetString() },
};
var tokens = new JsonWebTokenHandler();
var database = $"Data Source={Path.Combine(app.Configuration["data"] ?? ".", "floor.db")};Pooling=True";
using (var setup = new SqliteConnection(database))
{
    setup.Open();
    using var create = setup.CreateCommand();
    create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, office TEXT NOT NULL, document TEXT NOT NULL);";
    create.ExecuteNonQuery();
}

async Task<string?> OfficeOf(HttpRequest request)
{
    var header = request.Headers.Authorization.ToString();
    var result = header.StartsWith("Bearer ", StringComparison.Ordinal) ? await tokens.ValidateTokenAsync(header[7..], validation) : null;
    return result is { IsValid: true } ? result.Claims["officeId"] as string : null;
}

SqliteCommand Command(SqliteConnection connection, string sql)
{
    connection.Open();
    using var pragmas = connection.CreateCommand();
    pragmas.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
    pragmas.ExecuteNonQuery();
    var command = connection.CreateCommand();
    command.CommandText = sql;
    return command;
}

app.MapPost("/api/cases", async (HttpRequest request) =>
{
    if (await OfficeOf(request) is not { } office)
    {
        return Results.Unauthorized();
    }

    using var body = await JsonDocument.ParseAsync(request.Body);
    var id = Guid.CreateVersion7().ToString("D");
    using var connection = new SqliteConnection(database);
    using var insert = Command(connection, "INSERT INTO cases (id, office, document) VALUES ($id, $office, $document);");
    insert.Parameters.AddWithValue("$id", id);
    insert.Parameters.AddWithValue("$office", office);
    insert.Parameters.AddWithValue("$document", body.RootElement.GetRawText());
    insert.ExecuteNonQuery();
    return Results.Text($"{{\"id\":\"{id}\"}}", "application/json", statusCode: 201);
});

app.MapGet("/api/cases/{id}", async (HttpRequest request, string id) =>
{
    if (await OfficeOf(request) is not { } office)
    {
        return Results.Unauthorized();
    }

    using var connection = new SqliteConnection(database);
    using var select = Command(connection, "SELECT document FROM cases WHERE id = $id AND office = $office;");
    select.Parameters.AddWithValue("$id", id);
    select.Parameters.AddWithValue("$office", office);
    return select.ExecuteScalar() is string document ? Results.Text(document, "application/json") : Results.NotFound();
});

app.Run();
