using MongoDB.Bson;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>
/// Personal access tokens as a script meets them: what they reach, what they are refused (both read from the app's routing
/// table), how a dead one is answered, and that they never reach the log. Failed attempts count per client address, so each test
/// that sends a dead token sends it from an address of its own.
/// </summary>
public sealed class AccessTokenTests(RecordedLogsApi api) : IClassFixture<RecordedLogsApi>
{
    /// <summary>The route prefixes whose endpoints a token may reach, as the issue names them: notes (with revisions and share links), tags, trash, export, import.</summary>
    static readonly string[] TokenAreas = ["api/notes", "api/tags", "api/trash", "api/export", "api/import"];

    static bool InTokenArea(Route route) =>
        TokenAreas.Any(area => route.Pattern == area || route.Pattern.StartsWith(area + "/", StringComparison.Ordinal));

    static bool IsRead(Route route) => route.Method is "GET" or "HEAD";

    [Fact]
    public async Task A_write_token_adds_edits_lists_tags_trashes_and_empties_the_trash_as_its_owner()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync("write")).Token);

        var added = await script.PostAsJsonAsync("/api/notes", new { title = "from a script", tags = new[] { "cron" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.JsonAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await script.PutAsJsonAsync($"/api/notes/{id}", new { title = "from a script, again", tags = new[] { "cron" } })).StatusCode);
        Assert.Single((await (await script.GetAsync($"/api/notes/{id}/revisions")).JsonAsync())["items"]!.AsArray());
        Assert.Equal("cron", (await (await script.GetAsync("/api/tags")).JsonAsync()).AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await script.PatchAsJsonAsync($"/api/notes/{id}", new { trashed = true })).StatusCode);
        Assert.Single((await (await script.GetAsync("/api/notes?view=trash")).JsonAsync())["items"]!.AsArray());

        // The owner's own session sees what the script did: the token stands for its owner.
        Assert.Equal(id, (await (await user.Client.GetAsync("/api/notes?view=trash")).JsonAsync())["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, (await (await script.DeleteAsync("/api/trash")).JsonAsync())["deleted"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_read_token_lists_and_reads_notes_and_a_write_gets_403_insufficient_scope_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("kept");
        var script = api.ClientWithToken((await user.CreateTokenAsync("read")).Token);

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/notes/{note.Id()}")).StatusCode);
        var refused = await script.PostAsJsonAsync("/api/notes", new { title = "not allowed" });
        await (await script.DeleteAsync($"/api/notes/{note.Id()}")).InsufficientScopeAsync();

        var problem = await refused.InsufficientScopeAsync();
        Assert.Contains("read token only reads", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, (await (await user.Client.GetAsync("/api/notes")).JsonAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_write_endpoint_in_the_routing_table_refuses_a_read_token_with_403_insufficient_scope()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync("read")).Token);
        var writes = RoutingTable.ProtectedRoutes(api).Where(r => !IsRead(r)).ToList();
        Assert.Contains(new Route("POST", "api/notes", Anonymous: false), writes);
        Assert.Contains(new Route("DELETE", "api/trash", Anonymous: false), writes);

        await Assert.AllAsync(writes, async route => await (await script.SendAsync(RoutingTable.RequestTo(route))).InsufficientScopeAsync());
    }

    [Fact]
    public async Task Every_endpoint_outside_notes_tags_trash_export_and_import_refuses_any_token_with_403_insufficient_scope()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync("write")).Token);
        var elsewhere = RoutingTable.ProtectedRoutes(api).Where(r => !InTokenArea(r)).ToList();
        // The account and its sessions, all of them: password, sessions, two-step sign-in, the tokens themselves, deletion.
        Assert.Contains(new Route("PUT", "api/account/password", Anonymous: false), elsewhere);
        Assert.Contains(new Route("POST", "api/account/tokens", Anonymous: false), elsewhere);
        Assert.Contains(new Route("DELETE", "api/account", Anonymous: false), elsewhere);
        Assert.Contains(new Route("GET", "api/auth/sessions", Anonymous: false), elsewhere);
        Assert.Contains(new Route("POST", "api/account/two-factor/setup", Anonymous: false), elsewhere);

        await Assert.AllAsync(elsewhere, async route => await (await script.SendAsync(RoutingTable.RequestTo(route))).InsufficientScopeAsync());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Every_endpoint_of_notes_tags_and_the_trash_lets_a_write_token_through_and_every_read_one_a_read_token()
    {
        var user = await api.SignedInUserAsync();
        var write = api.ClientWithToken((await user.CreateTokenAsync("write")).Token);
        var read = api.ClientWithToken((await user.CreateTokenAsync("read")).Token);
        var reachable = RoutingTable.ProtectedRoutes(api).Where(InTokenArea).ToList();
        Assert.Contains(new Route("GET", "api/notes/{id}/revisions", Anonymous: false), reachable);

        await Assert.AllAsync(reachable, async route =>
        {
            var answer = await write.SendAsync(RoutingTable.RequestTo(route));
            Assert.False(answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{route} answered a write token {answer.StatusCode}");
        });
        await Assert.AllAsync(reachable.Where(IsRead), async route =>
        {
            var answer = await read.SendAsync(RoutingTable.RequestTo(route));
            Assert.False(answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{route} answered a read token {answer.StatusCode}");
        });
    }

    [Theory]
    [InlineData("nsp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "203.0.113.11")]
    [InlineData("nsp_", "203.0.113.12")]
    [InlineData("nsp_not base64url at all!", "203.0.113.13")]
    public async Task An_unknown_or_malformed_token_gets_401_like_a_revoked_session(string token, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notes") { Headers = { { PeerAddress.Header, peer } } };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");

        var response = await api.CreateClient().SendAsync(request);

        await response.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task A_token_past_its_expiry_gets_401_token_expired_and_leaves_the_list()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync(expiresAt: api.Clock.GetUtcNow().AddSeconds(10));
        var script = api.ClientWithToken(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);

        api.Clock.Advance(TimeSpan.FromSeconds(11));

        await (await FromAsync(script, "/api/notes", "203.0.113.21")).TokenRefusedAsync("Token has expired");
        Assert.DoesNotContain(token.Id, (await user.ListTokensAsync()).Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_of_an_account_being_deleted_is_refused_at_once()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync()).Token);
        await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users).UpdateOneAsync(
            new BsonDocument("_id", ObjectId.Parse(user.Id)), new BsonDocument("$set", new BsonDocument("deletingSince", DateTime.UtcNow)));

        await (await FromAsync(script, "/api/notes", "203.0.113.31")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_tokens_and_they_are_refused()
    {
        var user = await api.SignedInUserAsync();
        var script = api.ClientWithToken((await user.CreateTokenAsync()).Token);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAccountAsync(new { password = user.Password })).StatusCode);

        await (await FromAsync(script, "/api/notes", "203.0.113.41")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal(0, await api.Mongo().GetCollection<BsonDocument>(CollectionNames.AccessTokens)
            .CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
    }

    [Fact]
    public async Task A_password_change_ends_the_sessions_but_keeps_the_tokens()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync();

        var changed = await user.Client.PutAsJsonAsync("/api/account/password", new { currentPassword = user.Password, newPassword = "a brand new horse battery staple" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(token.Token).GetAsync("/api/notes")).StatusCode);
        var fresh = api.ClientWithToken((await changed.JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal([token.Id], (await (await fresh.GetAsync("/api/account/tokens")).JsonAsync()).AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Tokens_their_secrets_and_hashes_never_reach_the_log_and_creating_and_revoking_are_audited()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync("read");
        var script = api.ClientWithToken(token.Token);
        await script.GetAsync("/api/notes");
        await script.PostAsJsonAsync("/api/notes", new { title = "refused" });
        await script.GetAsync("/api/account");
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/account/tokens/{token.Id}")).StatusCode);
        await (await FromAsync(script, "/api/notes", "203.0.113.51")).TokenRefusedAsync("Token has been revoked");

        var secret = token.Token["nsp_".Length..];
        var hash = BearerSecrets.HashOf(secret);
        var logged = api.AllText;
        Assert.DoesNotContain(secret[..12], logged);
        Assert.DoesNotContain(hash[..12], logged, StringComparison.OrdinalIgnoreCase);
        var audit = api.Entries.Where(e => e.Category == "Notes.Api.Audit").ToList();
        var created = Assert.Single(audit, e => e.EventId.Id == 1030 && Equals(e.Fields["TokenId"], token.Id));
        Assert.Equal(("TokenCreated", user.Id, "read"), (created.EventId.Name, created.Fields["UserId"], created.Fields["Scope"]));
        var revoked = Assert.Single(audit, e => e.EventId.Id == 1031 && Equals(e.Fields["TokenId"], token.Id));
        Assert.Equal(("TokenRevoked", user.Id), (revoked.EventId.Name, revoked.Fields["UserId"]));
        Assert.Contains(audit, e => e.EventId.Id == 1032 && Equals(e.Fields["ClientAddress"], "203.0.113.51"));
    }

    [Fact]
    public async Task A_session_token_is_still_checked_by_its_session_and_reaches_the_account()
    {
        var user = await api.SignedInUserAsync();
        await user.CreateTokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account/tokens")).StatusCode);
        await user.Client.PostAsync("/api/auth/logout", null);
        await (await user.Client.GetAsync("/api/account/tokens")).TokenRefusedAsync("Token has been revoked");
    }

    static Task<HttpResponseMessage> FromAsync(HttpClient client, string path, string peer) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { PeerAddress.Header, peer } } });
}
