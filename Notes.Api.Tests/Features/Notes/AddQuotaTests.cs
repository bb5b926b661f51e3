namespace Notes.Api.Tests.Features.Notes;

/// <summary>An API where a user may keep three notes.</summary>
public sealed class SmallQuotaApi : ApiFactory
{
    public const int Limit = 3;

    protected override Dictionary<string, string> Settings => new(base.Settings) { ["Notes:MaxNotesPerUser"] = $"{Limit}" };
}

public sealed class AddQuotaTests(SmallQuotaApi api) : IClassFixture<SmallQuotaApi>
{
    [Fact]
    public async Task Add_beyond_the_per_user_limit_returns_409_saying_so_and_adds_nothing()
    {
        var user = await UserAtTheLimitAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "One too many" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("You have reached the limit of 3 notes. Delete some to add more.", problem["detail"]!.GetValue<string>());
        Assert.Equal(SmallQuotaApi.Limit, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task After_deleting_a_note_at_the_limit_one_more_can_be_added()
    {
        var user = await UserAtTheLimitAsync();
        var one = (await user.ListNotesAsync())["items"]![0]!.Id();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/notes/{one}")).StatusCode);
        await user.AddNoteAsync("Room again");

        Assert.Equal(SmallQuotaApi.Limit, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task An_add_refused_at_the_limit_is_not_kept_for_its_idempotency_key_so_its_retry_after_a_delete_adds_the_note()
    {
        var user = await UserAtTheLimitAsync();
        var one = (await user.ListNotesAsync())["items"]![0]!.Id();

        var refused = await AddWithKeyAsync(user, "room-please");
        await user.Client.DeleteAsync($"/api/notes/{one}");
        var retried = await AddWithKeyAsync(user, "room-please");

        await refused.ProblemAsync(HttpStatusCode.Conflict, "quota_reached");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    static Task<HttpResponseMessage> AddWithKeyAsync(TestUser user, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notes") { Content = JsonContent.Create(new { title = "keyed" }) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }

    [Fact]
    public async Task The_limit_counts_only_the_users_own_notes()
    {
        await UserAtTheLimitAsync();
        var other = await api.SignedInUserAsync();

        await other.AddNoteAsync("Mine");

        Assert.Equal(1, (await other.ListNotesAsync()).Total());
    }

    async Task<TestUser> UserAtTheLimitAsync()
    {
        var user = await api.SignedInUserAsync();
        for (var i = 1; i <= SmallQuotaApi.Limit; i++)
            await user.AddNoteAsync($"Note {i}");
        return user;
    }
}
