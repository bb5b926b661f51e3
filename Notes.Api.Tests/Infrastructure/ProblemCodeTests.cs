using System.Net.Http.Headers;
using System.Text;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>Where a status has more than one cause, the code tells them apart, so a client never reads the English detail.</summary>
public sealed class ProblemCodeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_request_without_a_token_is_auth_required_and_a_forged_one_invalid_token()
    {
        var anonymous = api.CreateClient();
        await (await anonymous.GetAsync("/api/notes")).ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
        await (await anonymous.GetAsync("/api/notes")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_wrong_password_is_invalid_credentials()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = "not the password" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task A_missing_note_is_not_found_and_an_unknown_address_route_not_found()
    {
        var user = await api.SignedInUserAsync();

        await (await user.GetNoteAsync("0123456789abcdef01234567")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await user.Client.GetAsync("/api/nothing-here")).ProblemAsync(HttpStatusCode.NotFound, "route_not_found");
    }

    [Fact]
    public async Task A_taken_username_is_username_taken_and_names_the_field()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/register", new { username = user.Username, password = Users.Password });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "username_taken");
        Assert.Equal(["username"], problem.ErrorFields());
    }

    [Fact]
    public async Task Changing_a_note_in_the_trash_is_note_in_trash()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("In the trash");
        await user.PatchedNoteAsync(note.Id(), new { trashed = true });

        await (await user.PutNoteAsync(note.Id(), new { title = "Changed" })).ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");
    }

    [Fact]
    public async Task An_invalid_field_is_validation_failed_and_a_stale_version_version_conflict()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Kept");

        await (await user.Client.PostAsJsonAsync("/api/notes", new { title = " " })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await user.PutNoteAsync(note.Id(), new { title = "Changed" }, "\"99\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
    }

    [Fact]
    public async Task Refusals_made_before_any_endpoint_runs_carry_their_codes_too()
    {
        var user = await api.SignedInUserAsync();

        var tooLarge = new StringContent($$"""{"title":"big","description":"{{new string('x', (int)Notes.Api.Features.Notes.NoteContent.MaxBodyBytes)}}"}""", Encoding.UTF8, "application/json");
        await (await user.Client.PostAsync("/api/notes", tooLarge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        var notJson = new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        await (await user.Client.PostAsync("/api/notes", notJson)).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var post = new HttpRequestMessage(HttpMethod.Post, "/api/notes/0123456789abcdef01234567");
        await (await user.Client.SendAsync(post)).ProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
