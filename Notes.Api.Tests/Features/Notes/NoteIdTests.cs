namespace Notes.Api.Tests.Features.Notes;

/// <summary>
/// A note id in a route is judged once, before any slice runs: one that is no ObjectId is a missing note. Each slice's own
/// answer to a malformed id is in its tests; the round trips it costs are in <see cref="Infrastructure.RoundTripTests"/>.
/// </summary>
public sealed class NoteIdTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Malformed = "not-an-id";

    public static TheoryData<string> Methods => new() { "GET", "PUT", "DELETE" };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_malformed_id_without_a_token_is_refused_401_first(string method)
    {
        var response = await api.CreateClient().SendAsync(WithBody(method, new { title = "Ghost" }));

        await response.AuthenticationRequiredAsync();
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_malformed_id_is_404_not_found_whatever_the_body_holds(string method)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.SendAsync(WithBody(method, new { title = "" }));

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Note not found.", problem["detail"]!.GetValue<string>());
    }

    static HttpRequestMessage WithBody(string method, object body) =>
        new(new HttpMethod(method), $"/api/notes/{Malformed}") { Content = JsonContent.Create(body) };
}
