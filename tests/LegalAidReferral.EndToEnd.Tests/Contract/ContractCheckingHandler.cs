using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>
/// Checks every exchange with <c>/api</c> against the OpenAPI document and throws
/// <see cref="ContractViolationException"/> on any mismatch, so the test that sent it fails:
/// - the method and path must be an operation of the document;
/// - the answer's status must be declared for it (an undeclared status is drift too, even 404/405/429);
/// - the answer's content type, body (against its schema, closed to undescribed fields) and declared headers must match;
/// - a request the document calls invalid (a parameter or body that breaks its schema, a missing
///   required part, an undeclared content type) must not succeed: the answer must be a 4xx.
/// A request the document calls valid may still be refused with a declared 4xx, for rules a schema
/// cannot say (e.g. an office id that does not exist).
/// </summary>
public sealed class ContractCheckingHandler(OpenApiContract contract, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            // Development sign-in lives outside the API and outside its document.
            return await base.SendAsync(request, cancellationToken);
        }

        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        var exchange = $"{request.Method} {path}{request.RequestUri.Query} -> {(int)response.StatusCode}";
        if (contract.Find(request.Method, path) is not { } operation)
        {
            throw new ContractViolationException(exchange, [$"{request.Method} {path} is not an operation of the document."]);
        }

        var invalidRequest = RequestViolations(operation, request, requestBody).ToArray();
        var violations = ResponseViolations(operation, response, responseBody).ToList();
        if (invalidRequest.Length > 0 && (int)response.StatusCode is < 400 or >= 500)
        {
            violations.Add($"The document says the request is invalid ({string.Join("; ", invalidRequest)}), but the answer is {(int)response.StatusCode}.");
        }

        return violations.Count == 0 ? response : throw new ContractViolationException($"{exchange} ({operation.Name})", violations);
    }

    private IEnumerable<string> RequestViolations(Operation operation, HttpRequestMessage request, byte[] body)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var place = parameter["in"]!.GetValue<string>();
            var value = place switch
            {
                "query" => query.GetValues(name)?.FirstOrDefault(),
                "header" => HeaderValue(request.Headers, request.Content?.Headers, name),
                "path" => operation.PathValue(name),
                _ => null,
            };
            if (value is null)
            {
                if (parameter["required"]?.GetValue<bool>() == true)
                {
                    yield return $"the required {place} parameter {name} is missing";
                }

                continue;
            }

            foreach (var violation in ParameterViolations(parameter["schema"]!, value))
            {
                yield return $"{place} parameter {name}: {violation}";
            }
        }

        if (operation.RequestBody is not { } declared)
        {
            yield break;
        }

        if (body.Length == 0)
        {
            if (declared["required"]?.GetValue<bool>() == true)
            {
                yield return "the required body is missing";
            }

            yield break;
        }

        var mediaType = request.Content!.Headers.ContentType?.MediaType;
        if (mediaType is null || declared["content"]![mediaType] is not JsonObject content)
        {
            yield return $"the content type {mediaType ?? "(none)"} is not declared";
            yield break;
        }

        // A multipart body (a document upload) is described by its schema but is not JSON to check against it.
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var violation in BodyViolations(content, body))
        {
            yield return $"body {violation}";
        }
    }

    private IEnumerable<string> ResponseViolations(Operation operation, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (operation.Response(status) is not { } declared)
        {
            yield return $"The status {status} is not declared for this operation.";
            yield break;
        }

        foreach (var (name, header) in declared["headers"]?.AsObject() ?? [])
        {
            var value = HeaderValue(response.Headers, response.Content.Headers, name);
            var resolved = contract.Resolve(header!);
            if (value is null)
            {
                if (resolved["required"]?.GetValue<bool>() == true)
                {
                    yield return $"The required header {name} is missing.";
                }

                continue;
            }

            foreach (var violation in ParameterViolations(resolved["schema"]!, value))
            {
                yield return $"Header {name}: {violation}";
            }
        }

        if (declared["content"] is not JsonObject contents)
        {
            if (body.Length > 0)
            {
                yield return "The answer has a body, but the document declares none.";
            }

            yield break;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || contents[mediaType] is not JsonObject content)
        {
            yield return $"The content type {mediaType ?? "(none)"} is not declared (declared: {string.Join(", ", contents.Select(c => c.Key))}).";
            yield break;
        }

        foreach (var violation in BodyViolations(content, body))
        {
            yield return $"Body {violation}";
        }
    }

    private IEnumerable<string> BodyViolations(JsonObject content, byte[] body)
    {
        if (content["schema"] is not { } schema)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return contract.Violations(schema, json.RootElement);
        }
        catch (JsonException)
        {
            return ["is not JSON"];
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reads a lone surrogate escape (\ud800) but cannot make a string of it.
            return ["holds a string that is not valid Unicode"];
        }
    }

    /// <summary>A parameter or header value, typed as its schema says (a number for an integer), checked against the schema.</summary>
    private IReadOnlyList<string> ParameterViolations(JsonNode schema, string value)
    {
        var type = contract.Resolve(schema)["type"]?.ToJsonString();
        JsonNode typed = JsonValue.Create(value);
        if (type is not null && (type.Contains("integer", StringComparison.Ordinal) || type.Contains("number", StringComparison.Ordinal)))
        {
            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return [$"'{value}' is not a number"];
            }

            typed = JsonValue.Create(number);
        }

        using var json = JsonDocument.Parse(typed.ToJsonString());
        return contract.Violations(schema, json.RootElement);
    }

    private static string? HeaderValue(HttpHeaders headers, HttpContentHeaders? contentHeaders, string name) =>
        headers.TryGetValues(name, out var values) || (contentHeaders?.TryGetValues(name, out values) ?? false)
            ? string.Join(", ", values!)
            : null;
}
