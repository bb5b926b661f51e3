using System.Collections.Concurrent;
using System.Net.Http.Headers;

using Microsoft.IdentityModel.JsonWebTokens;

using MongoDB.Bson.Serialization;

using Notes.Api.Entities;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// What no answer may ever hold, whatever was asked: a password hash, a stored TOTP secret or recovery code hash, a stored record, a
/// session id (but one's own, in the list of one's sessions), someone else's id, or the raw User-Agent a session was described from.
/// </summary>
public sealed class DisclosureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The stored field names an answer uses on purpose, for what the API chooses to tell its caller.</summary>
    static readonly string[] AnsweredFieldNames =
        ["username", "title", "description", "pinned", "tags", "archived", "trashedAt", "purgeAt", "createdAt", "updatedAt", "version", "expiresAt",
            "count", "client", "clientAddress", "savedAt", "length", "secret", "recoveryCodes"];

    /// <summary>Sent by every request of the walk: a real browser's header with a marker no description may repeat.</summary>
    const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 DisclosureProbe/7.3";

    /// <summary>One user's side of the conversation: every answer they were given, headers and body.</summary>
    sealed class Party(string username)
    {
        public string Username { get; } = username;
        public string Id { get; set; } = "";
        public List<string> Tokens { get; } = [];
        public string NoteId { get; set; } = "";
        /// <summary>A tag on the party's note and on no other user's.</summary>
        public string Tag { get; } = $"t{Guid.NewGuid():N}"[..16];
        public ConcurrentQueue<(string Request, string Answer)> Answers { get; } = new();
        public TestUser User(HttpClient client) => new(Id, Username, Users.Password, Tokens[^1], client);
    }

    [Fact]
    public async Task No_answer_in_a_full_flow_of_two_users_holds_a_hash_a_stored_record_a_session_id_the_other_users_id_or_a_raw_User_Agent()
    {
        var alice = await SignUpWithANoteAsync();
        var bob = await SignUpWithANoteAsync();

        await WalkEveryEndpointAsync(alice, other: bob);
        await WalkEveryEndpointAsync(bob, other: alice);

        var users = await api.Service<IMongoCollection<User>>().Find(u => u.Id == alice.Id || u.Id == bob.Id).ToListAsync();
        Assert.Equal(2, users.Count);
        var sessionIds = alice.Tokens.Concat(bob.Tokens).Select(t => (Owner: alice.Tokens.Contains(t) ? alice : bob, Id: new JsonWebToken(t).Id)).ToList();
        foreach (var (party, other) in new[] { (alice, bob), (bob, alice) })
        {
            Assert.Contains(party.Answers, a => a.Answer.Contains(party.Id, StringComparison.Ordinal)); // the recording did hear the app
            var forbidden = new List<(string What, string Text)>
            {
                ("a bcrypt hash", "$2"), ("the other user's id", other.Id), ("the raw User-Agent", "DisclosureProbe"), ("the raw User-Agent", "Gecko/"),
            };
            forbidden.AddRange(users.SelectMany(u => new[] { ("a password salt", u.PasswordHash[7..29]), ("a password digest", u.PasswordHash[29..]) }));
            forbidden.AddRange(users.Select(u => ("a stored TOTP secret", u.TwoFactor!.Secret)));
            forbidden.AddRange(users.SelectMany(u => u.TwoFactor!.RecoveryCodes.Keys.Select(hash => ("a recovery code's hash", hash))));
            forbidden.AddRange(sessionIds.Where(s => s.Owner == other).Select(s => ("the other user's session id", s.Id)));
            var ownSessionIds = sessionIds.Where(s => s.Owner == party).Select(s => s.Id).ToList();
            forbidden.AddRange(other.Tokens.Select(t => ("the other user's token", t.Split('.')[2])));
            forbidden.AddRange(StoredOnlyFieldNames().Select(name => ("a stored field name", $"\"{name}\"")));

            // A refusal names the address asked for (its instance), so an id the caller sent in it comes back to them: not a leak.
            Assert.All(party.Answers, answer => Assert.All(forbidden, leak =>
                Assert.False(answer.Answer.Contains(leak.Text, StringComparison.OrdinalIgnoreCase) && !answer.Request.Contains(leak.Text, StringComparison.Ordinal),
                    $"{leak.What} ({leak.Text}) in the answer to {answer.Request}:\n{answer.Answer}")));
            // One's own session ids are answered only where the contract puts them: the list of one's sessions.
            Assert.All(party.Answers.Where(a => a.Request != "GET /api/auth/sessions"), answer => Assert.All(ownSessionIds, id =>
                Assert.False(answer.Answer.Contains(id, StringComparison.OrdinalIgnoreCase) && !answer.Request.Contains(id, StringComparison.Ordinal),
                    $"a session id ({id}) in the answer to {answer.Request}:\n{answer.Answer}")));
            Assert.Contains(party.Answers, a => a.Request == "GET /api/auth/sessions" && a.Answer.Contains("Firefox on Linux", StringComparison.Ordinal));
        }
    }

    async Task<Party> SignUpWithANoteAsync()
    {
        var party = new Party(Users.NewName());
        var anonymous = Recording(party);
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { username = party.Username, password = Users.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        party.Id = (await registered.JsonAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { username = party.Username, password = "not the password" })).StatusCode);
        await SignInAsync(party);
        var owner = party.User(Recording(party, party.Tokens[^1]));
        party.NoteId = (await owner.AddNoteWithAsync(new { title = "the party's note", description = "kept", tags = new[] { party.Tag } })).Id();
        // So that the note has a history for the other user to reach for.
        Assert.Equal(HttpStatusCode.OK, (await owner.PutNoteAsync(party.NoteId, new { title = "the party's note, again", description = "kept too" })).StatusCode);
        return party;
    }

    /// <summary>Every endpoint, in its successes and its refusals, including reaching for the other user's account and note.</summary>
    async Task WalkEveryEndpointAsync(Party party, Party other)
    {
        var anonymous = Recording(party);
        var user = party.User(Recording(party, party.Tokens[^1]));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);

        var note = await user.AddNoteAsync("a note", "its words");
        var etag = (await user.GetNoteAsync(note.Id())).ETagOf();
        Assert.Equal(HttpStatusCode.OK, (await user.PutNoteAsync(note.Id(), new { title = "a note, again" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await user.PutNoteAsync(note.Id(), new { title = "stale" }, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.PatchNoteAsync(note.Id(), new { pinned = true, tags = new[] { "walk" } })).StatusCode);
        await user.ListRevisionsAsync(note.Id(), "?page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.BadRequest, (await user.GetRevisionsAsync(note.Id(), "?pageSize=0")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetRevisionAsync(note.Id(), 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetRevisionAsync(note.Id(), 99)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await user.RestoreRevisionAsync(note.Id(), 1, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.RestoreRevisionAsync(note.Id(), 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.RestoreRevisionAsync(note.Id(), 99)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.PatchNoteAsync(note.Id(), new { tags = new[] { "not a tag" } })).StatusCode);
        var trashed = await user.AddNoteAsync("a note for the trash");
        Assert.Equal(HttpStatusCode.OK, (await user.PatchNoteAsync(trashed.Id(), new { trashed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await user.PatchNoteAsync(trashed.Id(), new { title = "edited in the trash" })).StatusCode);
        await user.ListNotesAsync("?view=trash");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync("/api/trash")).StatusCode);
        await user.ListNotesAsync();
        await user.ListNotesAsync("?search=note&sort=title&order=asc&page=1&pageSize=1");
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Client.GetAsync("/api/notes?sort=$where&pageSize=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Client.PostAsJsonAsync("/api/notes", new { title = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetNoteAsync("not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync("/api/no-such-thing")).StatusCode);

        await user.AddTaggedNoteAsync("a tagged note", "work/clients", party.Tag);
        await user.ListTagsAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.RenameTagAsync("work", "job")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await user.RenameTagAsync("job", "not a tag")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.RenameTagAsync("no-such-tag", "job")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync("job%2Fclients")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.DeleteTagAsync("job")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await user.RenameTagAsync(other.Tag, "mine-now")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.DeleteTagAsync(other.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetNoteAsync(other.NoteId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetRevisionsAsync(other.NoteId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetRevisionAsync(other.NoteId, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.RestoreRevisionAsync(other.NoteId, 1, "\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.PutNoteAsync(other.NoteId, new { title = "mine now" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.PatchNoteAsync(other.NoteId, new { title = "mine now", trashed = true }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"/api/notes/{other.NoteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync("/api/auth/register", new { username = other.Username.ToUpperInvariant(), password = Users.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { username = other.Username, password = "a guess at it" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Recording(party, party.Tokens[^1] + "x").GetAsync("/api/auth/me")).StatusCode);

        var refreshed = await user.Client.PostAsync("/api/auth/refresh", null);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        party.Tokens.Add((await refreshed.JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        user = party.User(Recording(party, party.Tokens[^1]));
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/notes/{note.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetNoteAsync(note.Id())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        await SignInAsync(party);

        user = party.User(Recording(party, party.Tokens[^1]));
        await SignInAsync(party);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/auth/sessions/{new JsonWebToken(party.Tokens[^1]).Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync($"/api/auth/sessions/{new JsonWebToken(other.Tokens[^1]).Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.DeleteAsync("/api/auth/sessions/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangePasswordAsync(user, "a guess at it", ChangedPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChangePasswordAsync(user, Users.Password, Users.Password)).StatusCode);
        var changed = await ChangePasswordAsync(user, Users.Password, ChangedPassword);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        party.Tokens.Add((await changed.JsonAsync())["token"]!.GetValue<string>());
        // Back to the password the rest of the test signs in with.
        var back = await ChangePasswordAsync(party.User(Recording(party, party.Tokens[^1])), ChangedPassword, Users.Password);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        party.Tokens.Add((await back.JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await Recording(party, party.Tokens[^1]).PostAsync("/api/auth/logout-all", null)).StatusCode);

        await WalkTwoStepSignInAsync(party);
        await WalkAccountDeletionAsync(party);
    }

    /// <summary>Two-step sign-in turned on, used, turned off, and left on with a second secret, whose stored form no answer may hold.</summary>
    async Task WalkTwoStepSignInAsync(Party party)
    {
        await SignInAsync(party);
        var user = party.User(Recording(party, party.Tokens[^1]));
        Assert.Equal(HttpStatusCode.Conflict, (await user.EnableTwoFactorAsync("123456")).StatusCode);
        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.BadRequest, (await user.EnableTwoFactorAsync("abcde-fghjk")).StatusCode);
        var recoveryCodes = (await (await user.EnableTwoFactorAsync(api.CurrentCode(secret))).JsonAsync())["recoveryCodes"]!.AsArray();
        Assert.Equal(HttpStatusCode.Conflict, (await user.SetUpTwoFactorAsync()).StatusCode);
        var anonymous = Recording(party);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { username = party.Username, password = Users.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { username = party.Username, password = Users.Password, code = "abcde-fghjk" })).StatusCode);
        var signedIn = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = party.Username, password = Users.Password, code = recoveryCodes[0]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        party.Tokens.Add((await signedIn.JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await user.DisableTwoFactorAsync("a guess at it", api.NextCode(secret))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DisableTwoFactorAsync(Users.Password, api.NextCode(secret))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await user.DisableTwoFactorAsync(Users.Password, api.NextCode(secret))).StatusCode);
        var again = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await user.EnableTwoFactorAsync(api.CurrentCode(again))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
    }

    /// <summary>An account of the party's own making deleted, refused first for a wrong password.</summary>
    async Task WalkAccountDeletionAsync(Party party)
    {
        var anonymous = Recording(party);
        var username = Users.NewName();
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password })).StatusCode);
        var signedIn = await anonymous.PostAsJsonAsync("/api/auth/login", new { username, password = Users.Password });
        var doomed = new TestUser("", username, Users.Password, "", Recording(party, (await signedIn.JsonAsync())["token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, (await doomed.DeleteAccountAsync(new { password = "a guess at it" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await doomed.DeleteAccountAsync(new { password = Users.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await doomed.Client.GetAsync("/api/account")).StatusCode);
    }

    const string ChangedPassword = "a changed horse battery staple";

    static Task<HttpResponseMessage> ChangePasswordAsync(TestUser user, string currentPassword, string newPassword) =>
        user.Client.PutAsJsonAsync("/api/account/password", new { currentPassword, newPassword });

    async Task SignInAsync(Party party)
    {
        var signedIn = await Recording(party).PostAsJsonAsync("/api/auth/login", new { username = party.Username, password = Users.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        party.Tokens.Add((await signedIn.JsonAsync())["token"]!.GetValue<string>());
    }

    /// <summary>
    /// Every element name the app stores (users and their two-step state, sessions, notes, sign-in throttles, revisions, keys) that
    /// no answer uses on purpose.
    /// </summary>
    static IEnumerable<string> StoredOnlyFieldNames() =>
        new[] { typeof(User), typeof(TwoFactor), typeof(Session), typeof(Note), typeof(Throttle), typeof(Revision), typeof(DataProtectionKey) }
            .SelectMany(type => BsonClassMap.LookupClassMap(type).AllMemberMaps.Select(m => m.ElementName))
            .Except(AnsweredFieldNames);

    HttpClient Recording(Party party, string? token = null)
    {
        var client = api.CreateDefaultClient(new Recorder(party.Answers));
        client.DefaultRequestHeaders.Add("User-Agent", UserAgent);
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    sealed class Recorder(ConcurrentQueue<(string Request, string Answer)> answers) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
            var body = await response.Content.ReadAsStringAsync(cancellationToken); // buffered, so the test reads it again
            answers.Enqueue(($"{request.Method} {request.RequestUri!.PathAndQuery}", $"{(int)response.StatusCode}\n{string.Join('\n', headers)}\n\n{body}"));
            return response;
        }
    }
}
