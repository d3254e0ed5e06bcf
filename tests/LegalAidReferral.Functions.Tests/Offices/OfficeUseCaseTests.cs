using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.Seed;
using static LegalAidReferral.Functions.Tests.Cases.CoreUseCases;

namespace LegalAidReferral.Functions.Tests.Offices;

/// <summary>The network directory through Core's use cases, on the Functions app's seeded storage.</summary>
public class OfficeUseCaseTests
{
    private static readonly string[] SeededIds = SeedOffices.Load().Select(o => o.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Pages_of_the_directory_list_every_office_once_in_id_order()
    {
        await using var harness = await StartAsync();
        var list = harness.Get<ListOffices>();
        var ids = new List<string>();
        var pages = 0;
        string? token = null;

        do
        {
            var page = (await list.HandleAsync(new PageRequest(2, token), Admin, CancellationToken.None)).Value!;
            Assert.InRange(page.Items.Count, 1, 2);
            ids.AddRange(page.Items.Select(o => o.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(SeededIds, ids);
        Assert.Equal((SeededIds.Length + 1) / 2, pages);
    }

    [Fact]
    public async Task A_page_as_long_as_the_directory_has_no_continuation()
    {
        await using var harness = await StartAsync();

        var page = (await harness.Get<ListOffices>().HandleAsync(new PageRequest(SeededIds.Length, null), Admin, CancellationToken.None)).Value!;

        Assert.Equal(SeededIds, page.Items.Select(o => o.Id));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task A_continuation_token_that_does_not_decode_is_invalid()
    {
        await using var harness = await StartAsync();

        var result = await harness.Get<ListOffices>().HandleAsync(new PageRequest(2, "not*base64url"), Admin, CancellationToken.None);

        Assert.Equal(["continuationToken"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task An_office_comes_with_its_current_policy_and_an_unknown_one_is_not_found()
    {
        await using var harness = await StartAsync();
        var get = harness.Get<GetOffice>();

        var found = await get.HandleAsync(CoreUseCases.Office, Admin, CancellationToken.None);
        var unknown = await get.HandleAsync("xx-no-such-office", Admin, CancellationToken.None);

        Assert.Equal(CoreUseCases.Office, found.Value!.Office.Id);
        Assert.Equal(CoreUseCases.Office, found.Value.Policy!.OfficeId);
        Assert.Equal(FailureKind.NotFound, unknown.Failure!.Kind);
    }
}
