using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LegalAidReferral.WebConsole.Api;

/// <summary>
/// The typed client of the HTTP API (the routes of openapi.json, nothing else). Every call answers an
/// <see cref="ApiResult{T}"/>, so pages show problems instead of catching exceptions.
/// </summary>
public sealed class ConsoleApi(HttpClient http)
{
    /// <summary>A page of the office's cases, at most <paramref name="limit"/> (1 to 100) long.</summary>
    public Task<ApiResult<CasePage>> ListCasesAsync(string? status, string? priority, string? continuationToken, int limit = 25) =>
        SendAsync<CasePage>(HttpMethod.Get, "api/cases" + Query(("status", status), ("priority", priority), ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("continuationToken", continuationToken)));

    /// <summary>The name travels in the body: proxies and telemetry record URLs.</summary>
    public Task<ApiResult<CasePage>> SearchCasesAsync(CaseSearchRequest request) => SendAsync<CasePage>(HttpMethod.Post, "api/cases/search", request);

    public Task<ApiResult<Case>> IntakeAsync(IntakeRequest request, string idempotencyKey) =>
        SendAsync<Case>(HttpMethod.Post, "api/cases", request, headers: ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Case>> GetCaseAsync(string caseId) => SendAsync<Case>(HttpMethod.Get, $"api/cases/{Esc(caseId)}");

    /// <summary>A JSON Merge Patch guarded by the ETag the page read: 412 when someone else changed the case.</summary>
    public Task<ApiResult<Case>> PatchCaseAsync(string caseId, object mergePatch, string etag) =>
        SendAsync<Case>(HttpMethod.Patch, $"api/cases/{Esc(caseId)}", mergePatch, etag);

    public Task<ApiResult<Case>> ChangeStatusAsync(string caseId, StatusChangeRequest request, string etag) =>
        SendAsync<Case>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/status", request, etag);

    public Task<ApiResult<Consent>> RecordConsentAsync(string caseId, ConsentRequest request, string idempotencyKey) =>
        SendAsync<Consent>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/consents", request, headers: ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Consent>> WithdrawConsentAsync(string caseId, string consentId, ConsentWithdrawalRequest request) =>
        SendAsync<Consent>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/consents/{Esc(consentId)}/withdraw", request);

    public Task<ApiResult<ConflictCheckReport>> RunConflictCheckAsync(string caseId) =>
        SendAsync<ConflictCheckReport>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/conflict-check");

    public Task<ApiResult<ConflictCheckReport>> RecordConflictOutcomeAsync(string caseId, ConflictOutcomeRequest request) =>
        SendAsync<ConflictCheckReport>(HttpMethod.Put, $"api/cases/{Esc(caseId)}/conflict-check/outcome", request);

    public Task<ApiResult<TriageResult>> RunTriageAsync(string caseId) => SendAsync<TriageResult>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/triage");

    public Task<ApiResult<TriageResult>> OverrideTriageAsync(string caseId, TriageOverrideRequest request) =>
        SendAsync<TriageResult>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/triage/override", request);

    public Task<ApiResult<HistoryPage>> HistoryAsync(string caseId) => SendAsync<HistoryPage>(HttpMethod.Get, $"api/cases/{Esc(caseId)}/history?limit=100");

    public Task<ApiResult<DocumentPage>> ListDocumentsAsync(string caseId) => SendAsync<DocumentPage>(HttpMethod.Get, $"api/cases/{Esc(caseId)}/documents?limit=100");

    public async Task<ApiResult<CaseDocument>> UploadDocumentAsync(string caseId, Stream content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cases/{Esc(caseId)}/documents") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await ReadAsync<CaseDocument>(request);
    }

    /// <summary>The bytes of a document (a case's own, or one a referral shares) and its stored type.</summary>
    public async Task<ApiResult<DownloadedFile>> DownloadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await ReadAsync(request, async content =>
            new DownloadedFile(await content.ReadAsByteArrayAsync(), content.Headers.ContentType?.MediaType ?? "application/octet-stream"));
    }

    public static string CaseDocumentPath(string caseId, string documentId) => $"api/cases/{Esc(caseId)}/documents/{Esc(documentId)}";

    public static string ReferralDocumentPath(string referralId, string documentId) => $"api/referrals/{Esc(referralId)}/documents/{Esc(documentId)}";

    public Task<ApiResult<OfficePage>> ListOfficesAsync() => SendAsync<OfficePage>(HttpMethod.Get, "api/offices?limit=100");

    public Task<ApiResult<Office>> GetOfficeAsync(string officeId) => SendAsync<Office>(HttpMethod.Get, $"api/offices/{Esc(officeId)}");

    /// <summary>Guarded by the policy's ETag (that of <see cref="GetOfficeAsync"/>): 412 when someone else saved a newer version.</summary>
    public Task<ApiResult<TriagePolicy>> UpdatePolicyAsync(string officeId, TriagePolicyRequest request, string? etag) =>
        SendAsync<TriagePolicy>(HttpMethod.Put, $"api/offices/{Esc(officeId)}/policy", request, etag);

    public Task<ApiResult<ProtocolSettings>> GetProtocolAsync(string officeId) => SendAsync<ProtocolSettings>(HttpMethod.Get, $"api/offices/{Esc(officeId)}/protocol");

    public Task<ApiResult<ProtocolSettings>> UpdateProtocolAsync(string officeId, ProtocolSettingsRequest request, string? etag) =>
        SendAsync<ProtocolSettings>(HttpMethod.Put, $"api/offices/{Esc(officeId)}/protocol", request, etag);

    public Task<ApiResult<Referral>> SendReferralAsync(string caseId, ReferralRequest request, string idempotencyKey) =>
        SendAsync<Referral>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/referrals", request, headers: ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<ReferralPage>> ListReferralsAsync(string direction, string? status, string? continuationToken) =>
        SendAsync<ReferralPage>(HttpMethod.Get, "api/referrals" + Query(("direction", direction), ("status", status), ("limit", "50"), ("continuationToken", continuationToken)));

    public Task<ApiResult<Referral>> GetReferralAsync(string referralId) => SendAsync<Referral>(HttpMethod.Get, $"api/referrals/{Esc(referralId)}");

    public Task<ApiResult<Referral>> ActAsync(string referralId, string action, ReferralActionRequest request, string? etag) =>
        SendAsync<Referral>(HttpMethod.Post, $"api/referrals/{Esc(referralId)}/{Esc(action)}", request, etag);

    public Task<ApiResult<ReferralMessagePage>> ListMessagesAsync(string referralId) =>
        SendAsync<ReferralMessagePage>(HttpMethod.Get, $"api/referrals/{Esc(referralId)}/messages?limit=100");

    public Task<ApiResult<ReferralMessage>> PostMessageAsync(string referralId, ReferralMessageRequest request, string idempotencyKey) =>
        SendAsync<ReferralMessage>(HttpMethod.Post, $"api/referrals/{Esc(referralId)}/messages", request, headers: ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<ChatThread>> ListChatMessagesAsync(string caseId, string? continuationToken) =>
        SendAsync<ChatThread>(HttpMethod.Get, $"api/cases/{Esc(caseId)}/chat/messages" + Query(("limit", "100"), ("continuationToken", continuationToken)));

    /// <summary>A reply to the client; the same key (a retry of the same reply) is stored and sent once.</summary>
    public Task<ApiResult<ChatMessage>> PostChatMessageAsync(string caseId, ChatMessageRequest request, string idempotencyKey) =>
        SendAsync<ChatMessage>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/chat/messages", request, headers: ("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<ChatHandOff>> CloseChatHandOffAsync(string caseId) => SendAsync<ChatHandOff>(HttpMethod.Post, $"api/cases/{Esc(caseId)}/chat/handoff/close");

    /// <summary>All the office's open alerts, page after page: the queue counts each kind, and erasure requests (due last) would fall off a single page.</summary>
    public async Task<ApiResult<AlertPage>> ListAlertsAsync()
    {
        var items = new List<Alert>();
        string? token = null;
        do
        {
            var page = await SendAsync<AlertPage>(HttpMethod.Get, "api/alerts" + Query(("limit", "100"), ("continuationToken", token)));
            if (!page.Ok || page.Value is null)
            {
                return page;
            }

            items.AddRange(page.Value.Items);
            token = page.Value.ContinuationToken;
        }
        while (token is not null);

        return new ApiResult<AlertPage>(200, new AlertPage(items, null), null, null);
    }

    public Task<ApiResult<Alert>> AcknowledgeAlertAsync(string alertId) => SendAsync<Alert>(HttpMethod.Post, $"api/alerts/{Esc(alertId)}/acknowledge");

    /// <summary>The standalone host's demo users (404 when development sign-in is off); not a route of openapi.json.</summary>
    public Task<ApiResult<IReadOnlyList<DevUser>>> DevUsersAsync() => SendAsync<IReadOnlyList<DevUser>>(HttpMethod.Get, "dev/users");

    /// <summary>A development token for a demo user; not a route of openapi.json.</summary>
    public Task<ApiResult<DevToken>> DevTokenAsync(string userId) => SendAsync<DevToken>(HttpMethod.Post, "dev/token", new DevTokenRequest(userId));

    public Task<ApiResult<AdherenceReport>> GetAdherenceAsync(ReviewFilter filter) =>
        SendAsync<AdherenceReport>(HttpMethod.Get, "api/review/adherence" + Query([.. filter.Parameters]));

    /// <summary>The same report as CSV, with the file name the API gives it.</summary>
    public async Task<ApiResult<AdherenceCsv>> GetAdherenceCsvAsync(ReviewFilter filter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/review/adherence.csv" + Query([.. filter.Parameters]));
        return await ReadAsync(request, async content =>
            new AdherenceCsv(await content.ReadAsByteArrayAsync(), content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "adherence.csv"));
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, string? etag = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await ReadAsync<T>(request);
    }

    /// <summary>
    /// Sends the request and reads the answer. A call that gets no answer (no network, the API down, a
    /// timeout: HttpClient's own cancellation, since no call here is cancelled) answers
    /// <see cref="ConsoleProblems.Unreachable"/> instead of throwing, so every page shows it as it shows the API's problems.
    /// </summary>
    /// <param name="read">How a successful answer's body is read: JSON unless given.</param>
    private async Task<ApiResult<T>> ReadAsync<T>(HttpRequestMessage request, Func<HttpContent, Task<T>>? read = null)
    {
        try
        {
            using var response = await http.SendAsync(request);
            return await AnswerAsync(response, read);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new(0, default, null, ConsoleProblems.Unreachable);
        }
    }

    private static async Task<ApiResult<T>> AnswerAsync<T>(HttpResponseMessage response, Func<HttpContent, Task<T>>? read)
    {
        var status = (int)response.StatusCode;
        var etag = response.Headers.ETag?.ToString();
        if (response.IsSuccessStatusCode)
        {
            try
            {
                return new(status, read is null ? await response.Content.ReadFromJsonAsync<T>(ApiJson.Options) : await read(response.Content), etag, null);
            }
            catch (JsonException)
            {
                return new(status, default, etag, ConsoleProblems.Unreadable(status));
            }
        }

        Problem problem;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<Problem>(ApiJson.Options) ?? new(null, response.ReasonPhrase, status, null, null, null);
        }
        catch (JsonException)
        {
            problem = new(null, response.ReasonPhrase, status, null, null, null);
        }

        return new(status, default, etag, problem);
    }

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
