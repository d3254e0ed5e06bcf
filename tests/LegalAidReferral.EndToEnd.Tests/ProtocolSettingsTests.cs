using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class ProtocolSettingsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Path = $"/api/offices/{Samples.TapachulaOffice}/protocol";

    [Fact]
    public async Task An_office_admin_sets_holidays_and_a_tighter_deadline_that_the_sending_office_then_reads()
    {
        var admin = await fixture.SignInAsync(Samples.TapachulaAdmin);
        var sender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var before = await admin.SendAsync(HttpMethod.Get, Path);
        var etag = before.Headers.ETag!.Tag;

        var changed = await admin.SendAsync(HttpMethod.Put, Path, Samples.Protocol(), IfMatch(etag));
        var read = await sender.SendAsync(HttpMethod.Get, Path);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(changed.Headers.ETag, read.Headers.ETag);
        Assert.NotEqual(etag, read.Headers.ETag!.Tag);
        var settings = await ApiSession.ReadObjectAsync(read);
        Assert.Equal(Samples.TapachulaAdmin, settings["updatedBy"]!.GetValue<string>());
        Assert.Equal(["2026-12-12", "2026-12-25"], settings["holidays"]!.AsArray().Select(h => h!["date"]!.GetValue<string>()));
        Assert.Equal(1, settings["deadlines"]!["acknowledge"]!["businessDays"]!.GetValue<int>());
        Assert.Equal(12, settings["deadlines"]!["acknowledge"]!["criticalHours"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_defender_cannot_change_the_settings()
    {
        var defender = await fixture.SignInAsync(Samples.TapachulaDefender);
        var before = (await defender.SendAsync(HttpMethod.Get, Path)).Headers.ETag;

        var response = await defender.SendAsync(HttpMethod.Put, Path, Samples.Protocol());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await defender.SendAsync(HttpMethod.Get, Path)).Headers.ETag);
    }

    [Fact]
    public async Task An_invalid_body_is_400_naming_every_field_and_changes_nothing()
    {
        var admin = await fixture.SignInAsync(Samples.TapachulaAdmin);
        var before = (await admin.SendAsync(HttpMethod.Get, Path)).Headers.ETag;
        var settings = Samples.Protocol();
        settings["weekend"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        settings["holidays"]![1]!["date"] = "2026-12-32";
        settings["deadlines"]!["decide"]!["businessDays"] = 0;

        var response = await admin.SendAsync(HttpMethod.Put, Path, settings);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiSession.ReadObjectAsync(response))["errors"]!.AsObject().Select(e => e.Key);
        Assert.Equal(["deadlines.decide.businessDays", "holidays[1].date", "weekend"], errors.Order(StringComparer.Ordinal));
        Assert.Equal(before, (await admin.SendAsync(HttpMethod.Get, Path)).Headers.ETag);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412()
    {
        var admin = await fixture.SignInAsync(Samples.TapachulaAdmin);
        var etag = (await admin.SendAsync(HttpMethod.Get, Path)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, Path, Samples.Protocol(), IfMatch(etag))).StatusCode);

        var stale = await admin.SendAsync(HttpMethod.Put, Path, Samples.Protocol(), IfMatch(etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    private static Dictionary<string, string> IfMatch(string etag) => new() { ["If-Match"] = etag };
}
