namespace Notes.Api.Tests.Features.Shares;

/// <summary>Links judged by the clock over days: a class of its own, as moving the clock that far ends every session in it.</summary>
public sealed class ExpiryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_link_left_without_an_expiry_works_for_30_days_one_with_a_chosen_expiry_until_then_and_one_with_null_for_good()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var lasting = await user.ShareAsync(note.Id());
        var weekLong = await user.ShareAsync(note.Id(), new { expiresAt = api.Clock.GetUtcNow().AddDays(7) });
        var forever = await user.ShareAsync(note.Id(), """{"expiresAt":null}""");

        api.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(weekLong.Token())).StatusCode);
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        await (await api.ReadSharedAsync(weekLong.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        api.Clock.Advance(TimeSpan.FromDays(23) - TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(lasting.Token())).StatusCode);
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        await (await api.ReadSharedAsync(lasting.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        api.Clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(forever.Token())).StatusCode);
    }
}
