namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// How many database commands a request costs, counted by the driver's command events in the app's diagnostics mode
/// (the same count the benchmark reads). These are the round-trip targets of the hot path, held as exact numbers.
/// </summary>
public sealed class RoundTripTests(RoundTripTests.Factory api) : IClassFixture<RoundTripTests.Factory>
{
    public class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings =>
            new(base.Settings) { ["Diagnostics:CountMongoCommands"] = "true", ["Notes:MaxRevisionsPerNote"] = $"{MaxRevisions}" };
    }

    /// <summary>Small, so that a few writes take a note past it.</summary>
    const int MaxRevisions = 2;

    [Fact]
    public async Task Liveness_costs_no_database_command()
    {
        Assert.Equal(0, await CommandsDuringAsync(() => api.CreateClient().GetAsync("/healthz/live")));
    }

    [Fact]
    public async Task Me_costs_one_database_command_the_session_check()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(1, await CommandsDuringAsync(() => user.Client.GetAsync("/api/auth/me")));
    }

    [Fact]
    public async Task Listing_sessions_costs_two_database_commands_the_session_check_and_one_find()
    {
        var user = await api.SignedInUserAsync();
        await api.SignInAsync(user.Username);

        Assert.Equal(2, await CommandsDuringAsync(() => user.Client.GetAsync("/api/auth/sessions")));
    }

    [Fact]
    public async Task Ending_a_session_costs_two_database_commands_the_session_check_and_one_delete()
    {
        var user = await api.SignedInUserAsync();
        var other = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await api.SignInAsync(user.Username)).Id;

        Assert.Equal(2, await CommandsDuringAsync(() => user.Client.DeleteAsync($"/api/auth/sessions/{other}")));
    }

    [Fact]
    public async Task Reading_the_account_costs_three_database_commands_the_session_check_the_user_and_the_note_count()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("a note");

        Assert.Equal(3, await CommandsDuringAsync(() => user.Client.GetAsync("/api/account")));
    }

    /// <summary>
    /// The session check; the sign-in limit's count (a delete of a passed window, then the count); the hash; its replacement; the
    /// count forgiven; every session ended; the new session. Two bcrypt runs cost far more than these.
    /// </summary>
    [Fact]
    public async Task Changing_the_password_costs_eight_database_commands()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(8, await CommandsDuringAsync(() =>
            user.Client.PutAsJsonAsync("/api/account/password", new { currentPassword = user.Password, newPassword = "a different horse battery staple" })));
    }

    /// <summary>The session check and the pending secret kept. Data Protection reads its key ring once, then keeps it: warmed first.</summary>
    [Fact]
    public async Task Setting_up_two_step_sign_in_costs_two_database_commands()
    {
        var user = await api.SignedInUserAsync();
        await user.SetUpTwoFactorAsync();

        Assert.Equal(2, await CommandsDuringAsync(user.SetUpTwoFactorAsync));
    }

    /// <summary>The session check, the pending secret read, and two-step sign-in turned on with the recovery codes in one update.</summary>
    [Fact]
    public async Task Turning_two_step_sign_in_on_costs_three_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();

        Assert.Equal(3, await CommandsDuringAsync(() => user.EnableTwoFactorAsync(api.CurrentCode(secret))));
    }

    /// <summary>The sign-in limit's count (a delete of a passed window, then the count); the account; the code spent; the count forgiven; the session.</summary>
    [Fact]
    public async Task Signing_in_with_a_code_costs_six_database_commands()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        Assert.Equal(6, await CommandsDuringAsync(() => api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.NextCode(twoFactor.Secret))));
    }

    /// <summary>The session check; the sign-in limit's count (two); the password and two-step state; the code spent; the count forgiven; the update.</summary>
    [Fact]
    public async Task Turning_two_step_sign_in_off_costs_seven_database_commands()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        Assert.Equal(7, await CommandsDuringAsync(() => twoFactor.User.DisableTwoFactorAsync(twoFactor.User.Password, api.NextCode(twoFactor.Secret))));
    }

    /// <summary>
    /// The session check; the sign-in limit's count (two); the password; the count forgiven; the mark; then for each collection a user
    /// owns (its access tokens and share links too), a read of a batch of ids and a delete when there were any (here one note and one session); the user. A fixed cost per
    /// collection and per hundred documents, paid once in an account's life.
    /// </summary>
    [Fact]
    public async Task Deleting_an_account_with_a_note_costs_sixteen_database_commands()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("a note");

        Assert.Equal(16, await CommandsDuringAsync(() => user.DeleteAccountAsync(new { password = user.Password })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?search=note&sort=title&order=asc&page=2&pageSize=2")]
    [InlineData("?tag=work&search=note")]
    [InlineData("?view=archived&tag=work")]
    [InlineData("?view=trash&sort=title")]
    public async Task Listing_notes_costs_two_database_commands_the_session_check_and_one_for_page_and_total(string query)
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 3; i++)
            await user.Client.PostAsJsonAsync("/api/notes", new { title = $"note {i}", tags = new[] { "work/clients" }, pinned = i == 0 });

        Assert.Equal(2, await CommandsDuringAsync(() => user.Client.GetAsync($"/api/notes{query}")));
    }

    [Fact]
    public async Task Listing_tags_costs_two_database_commands_the_session_check_and_one_aggregation()
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("one", "work", "home");
        await user.AddTaggedNoteAsync("two", "work/clients");

        Assert.Equal(2, await CommandsDuringAsync(() => user.Client.GetAsync("/api/tags")));
    }

    [Fact]
    public async Task Renaming_a_tag_on_a_few_notes_costs_four_database_commands_session_find_one_bulk_write_and_the_count()
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 3; i++)
            await user.AddTaggedNoteAsync($"note {i}", "work", $"work/{i}");

        Assert.Equal(4, await CommandsDuringAsync(() => user.RenameTagAsync("work", "job")));
    }

    [Fact]
    public async Task Deleting_a_tag_on_a_few_notes_costs_three_database_commands_session_find_and_one_bulk_write()
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 3; i++)
            await user.AddTaggedNoteAsync($"note {i}", "work");

        Assert.Equal(3, await CommandsDuringAsync(() => user.DeleteTagAsync("work")));
    }

    [Fact]
    public async Task Reading_one_note_costs_two_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(2, await CommandsDuringAsync(() => user.GetNoteAsync(note.Id())));
    }

    [Fact]
    public async Task Patching_a_note_s_pin_and_tags_keeps_no_revision_and_costs_three_database_commands_the_session_check_the_read_and_the_write()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(3, await CommandsDuringAsync(() => user.PatchNoteAsync(note.Id(), new { pinned = true, tags = new[] { "work" } }, "\"1\"")));
    }

    [Fact]
    public async Task Rewriting_a_note_costs_four_database_commands_the_session_check_the_read_the_revision_and_the_write()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(4, await CommandsDuringAsync(() => user.PutNoteAsync(note.Id(), new { title = "a note, rewritten" }, "\"1\"")));
    }

    [Fact]
    public async Task Patching_a_note_s_description_costs_four_database_commands_the_session_check_the_read_the_revision_and_the_write()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(4, await CommandsDuringAsync(() => user.PatchNoteAsync(note.Id(), new { description = "new words" }, "\"1\"")));
    }

    /// <summary>Past the limit, the version of the oldest revision to go is found and those up to it deleted.</summary>
    [Fact]
    public async Task Rewriting_a_note_with_more_versions_than_revisions_kept_costs_six_database_commands_with_the_pruning()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        for (var i = 0; i < MaxRevisions; i++)
            await user.PutNoteAsync(note.Id(), new { title = $"a note, {i}" });

        Assert.Equal(6, await CommandsDuringAsync(() => user.PutNoteAsync(note.Id(), new { title = "a note, again" })));
    }

    /// <summary>A note whose versions outnumber the limit but whose revisions do not (pinning keeps none) pays the one query.</summary>
    [Fact]
    public async Task Rewriting_a_note_with_more_versions_but_no_more_revisions_than_kept_costs_five_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        for (var i = 0; i < MaxRevisions; i++)
            await user.PatchedNoteAsync(note.Id(), new { pinned = i % 2 == 0 });

        Assert.Equal(5, await CommandsDuringAsync(() => user.PutNoteAsync(note.Id(), new { title = "a note, again" })));
    }

    [Fact]
    public async Task Listing_a_note_s_revisions_costs_three_database_commands_the_session_check_the_note_s_version_and_one_for_page_and_total()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.PutNoteAsync(note.Id(), new { title = "a note, again" });

        Assert.Equal(3, await CommandsDuringAsync(() => user.GetRevisionsAsync(note.Id(), "?page=1&pageSize=5")));
    }

    [Fact]
    public async Task Reading_a_revision_costs_three_database_commands_the_session_check_the_note_s_version_and_the_revision()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.PutNoteAsync(note.Id(), new { title = "a note, again" });

        Assert.Equal(3, await CommandsDuringAsync(() => user.GetRevisionAsync(note.Id(), 1)));
    }

    /// <summary>The session check, the revision, then a rewrite's own: the read, the replaced version kept, the write.</summary>
    [Fact]
    public async Task Restoring_a_revision_costs_five_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.PutNoteAsync(note.Id(), new { title = "a note, again" });

        Assert.Equal(5, await CommandsDuringAsync(() => user.RestoreRevisionAsync(note.Id(), 1, "\"2\"")));
    }

    [Fact]
    public async Task Emptying_the_trash_costs_five_database_commands_the_session_check_the_ids_the_notes_their_links_and_their_revisions()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.PatchedNoteAsync(note.Id(), new { trashed = true });

        Assert.Equal(5, await CommandsDuringAsync(() => user.Client.DeleteAsync("/api/trash")));
    }

    [Fact]
    public async Task Emptying_an_empty_trash_costs_two_database_commands_the_session_check_and_the_ids()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(2, await CommandsDuringAsync(() => user.Client.DeleteAsync("/api/trash")));
    }

    [Fact]
    public async Task Deleting_a_note_costs_four_database_commands_the_session_check_the_note_its_links_and_its_revisions()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.PutNoteAsync(note.Id(), new { title = "a note, again" });

        Assert.Equal(4, await CommandsDuringAsync(() => user.Client.DeleteAsync($"/api/notes/{note.Id()}")));
    }

    [Fact]
    public async Task Trashing_a_note_costs_four_database_commands_the_session_check_the_read_the_write_and_its_links_ended()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(4, await CommandsDuringAsync(() => user.PatchNoteAsync(note.Id(), new { trashed = true }, "\"1\"")));
    }

    /// <summary>The session check; the link stored, then the note's standing read (the order that keeps a race from leaving a link to a trashed note).</summary>
    [Fact]
    public async Task Sharing_a_note_costs_three_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");

        Assert.Equal(3, await CommandsDuringAsync(() => user.CreateShareAsync(note.Id())));
    }

    [Fact]
    public async Task Listing_a_notes_links_costs_three_database_commands_the_session_check_the_note_and_the_links()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        await user.ShareAsync(note.Id());

        Assert.Equal(3, await CommandsDuringAsync(() => user.Client.GetAsync($"/api/notes/{note.Id()}/shares")));
    }

    [Fact]
    public async Task Revoking_a_link_costs_two_database_commands_the_session_check_and_the_delete()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("a note");
        var share = await user.ShareAsync(note.Id());

        Assert.Equal(2, await CommandsDuringAsync(() => user.RevokeShareAsync(note.Id(), share.Id())));
    }

    /// <summary>
    /// The read limit's count (a delete of a passed window, then the count, as every limit kept in MongoDB); the link found and its view
    /// counted in one find-and-modify; the note. No session check: a link needs no account.
    /// </summary>
    [Fact]
    public async Task Opening_a_link_costs_four_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var share = await user.ShareAsync((await user.AddNoteAsync("a note")).Id());

        Assert.Equal(4, await CommandsDuringAsync(() => api.ReadSharedAsync(share.Token())));
    }

    /// <summary>A token that cannot be one is answered after the read limit's count alone: guessing costs the database nothing more.</summary>
    [Fact]
    public async Task Opening_a_malformed_link_costs_two_database_commands_the_read_limits_count()
    {
        Assert.Equal(2, await CommandsDuringAsync(() => api.ReadSharedAsync("not-a-token")));
    }

    [Fact]
    public async Task A_malformed_note_id_costs_one_database_command_the_session_check()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(1, await CommandsDuringAsync(() => user.GetNoteAsync("not-an-id")));
    }

    /// <summary>
    /// The session check; the notes already imported (one find per thousand); the quota count; one insert per 200 notes. With an
    /// Idempotency-Key, also its claim, a renewal of its lease after each insert, and the answer kept.
    /// </summary>
    [Fact]
    public async Task Importing_a_zip_of_notes_costs_four_database_commands_and_three_more_with_an_Idempotency_Key()
    {
        var user = await api.SignedInUserAsync();
        var zip = ImportCalls.Zip(("one.md", "# One"), ("two.md", "# Two"), ("folder/three.md", "# Three"));

        Assert.Equal(4, await CommandsDuringAsync(() => user.ImportAsync("notes.zip", zip)));
        Assert.Equal(7, await CommandsDuringAsync(() => user.ImportAsync("other.zip", ImportCalls.Zip(("four.md", "# Four")), Guid.NewGuid().ToString())));
    }

    [Fact]
    public async Task A_revoked_token_costs_one_database_command()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        Assert.Equal(1, await CommandsDuringAsync(() => user.Client.GetAsync("/api/notes")));
    }

    [Theory]
    [InlineData("?format=json", 2)]
    [InlineData("?format=markdown", 2)]
    [InlineData("?format=json&includeRevisions=true", 3)]
    public async Task Exporting_a_few_notes_costs_the_session_check_one_find_of_the_notes_and_one_of_their_revisions_when_asked(string query, long commands)
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 3; i++)
            await user.PutNoteAsync((await user.AddNoteAsync($"note {i}")).Id(), new { title = $"note {i}, changed" });

        Assert.Equal(commands, await CommandsDuringAsync(() => user.Client.GetAsync($"/api/export{query}")));
    }

    /// <summary>The session check, then the notes and the revisions a hundred at a time: a find and two getMores each.</summary>
    [Fact]
    public async Task Exporting_250_notes_with_their_revisions_costs_seven_database_commands()
    {
        var user = await api.SignedInUserAsync();
        var now = DateTime.UtcNow;
        var notes = Enumerable.Range(0, 250).Select(i => new Notes.Api.Entities.Note
        {
            OwnerId = user.Id,
            Title = $"note {i}",
            Description = "",
            SearchText = $"note {i}",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 2,
        }).ToList();
        await api.Mongo().GetCollection<Notes.Api.Entities.Note>(Notes.Api.Infrastructure.Mongo.CollectionNames.Notes).InsertManyAsync(notes);
        await api.Mongo().GetCollection<Notes.Api.Entities.Revision>(Notes.Api.Infrastructure.Mongo.CollectionNames.Revisions).InsertManyAsync(
            notes.Select(n => new Notes.Api.Entities.Revision { NoteId = n.Id, OwnerId = user.Id, Version = 1, Title = n.Title, Description = "", Length = 0, SavedAt = now }));

        Assert.Equal(7, await CommandsDuringAsync(() => user.Client.GetAsync("/api/export?format=json&includeRevisions=true")));
    }

    [Fact]
    public async Task A_request_with_an_access_token_costs_what_one_with_a_session_does()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync()).Token);
        await script.GetAsync("/api/notes"); // the first use of a minute also notes it (lastUsedAt)

        var withSession = await CommandsDuringAsync(() => user.Client.GetAsync("/api/notes"));
        // The lower of two: a minute may turn between the requests, and the first use in it writes its lastUsedAt once.
        var withToken = Math.Min(await CommandsDuringAsync(() => script.GetAsync("/api/notes")), await CommandsDuringAsync(() => script.GetAsync("/api/notes")));

        Assert.Equal(2, withSession);
        Assert.Equal(withSession, withToken);
    }

    [Fact]
    public async Task A_revoked_access_token_costs_one_database_command_and_counting_the_failure()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync();
        await user.Client.DeleteAsync($"/api/account/tokens/{token.Id}");

        // The lookup, then the failure counted: the window's expired tally cleared, and one more counted.
        Assert.Equal(3, await CommandsDuringAsync(() => api.ClientWithToken(token.Token).GetAsync("/api/notes")));
    }

    [Fact]
    public async Task Creating_an_access_token_costs_three_database_commands_the_session_check_the_insert_and_the_count()
    {
        // Inserted, then counted with itself, so creations side by side cannot pass the limit; a refusal adds the token's removal.
        var user = await api.SignedInUserAsync();

        Assert.Equal(3, await CommandsDuringAsync(() => user.Client.PostAsJsonAsync("/api/account/tokens", new { name = "script", scope = "read" })));
    }

    async Task<long> CommandsDuringAsync(Func<Task<HttpResponseMessage>> request)
    {
        var before = await CountAsync();
        var response = await request();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, $"unexpected {response.StatusCode}");
        return await CountAsync() - before;
    }

    async Task<long> CountAsync() =>
        (await (await api.CreateClient().GetAsync("/diagnostics/mongo-commands")).JsonAsync())["commands"]!.GetValue<long>();
}

public sealed class RoundTripCountDefaultTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void The_database_command_count_is_not_served_outside_diagnostics_mode()
    {
        // Read from the routing table: with the dashboard built, an unrouted path is answered by its client-side fallback.
        var routes = api.Service<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "");

        Assert.DoesNotContain(routes, route => route.Contains("diagnostics", StringComparison.Ordinal));
    }
}
