namespace Notes.Api.Tests.Features.Notes;

/// <summary>
/// A note id in a route is judged once, before any slice runs: one that is no ObjectId is a missing note. Each slice's own
/// answer to a malformed id is in its tests; the round trips it costs are in <see cref="Infrastructure.RoundTripTests"/>.
/// </summary>
public sealed class NoteIdTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Malformed = "not-an-id";

    public static TheoryData<string> Methods => new() { "GET", "PUT", "PATCH", "DELETE" };

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

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_id_in_the_query_never_takes_the_place_of_the_routes(string method)
    {
        var user = await api.SignedInUserAsync();
        var other = await user.AddNoteAsync("Other");

        foreach (var query in new[] { Malformed, other.Id() })
        {
            var addressed = await user.AddNoteAsync("Addressed");
            var request = new HttpRequestMessage(new HttpMethod(method), $"/api/notes/{addressed.Id()}?id={query}") { Content = JsonContent.Create(new { title = "Changed" }) };
            var response = await user.Client.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"{method} ?id={query} answered {response.StatusCode}");
            if (method != "DELETE")
                Assert.Equal(addressed.Id(), (await response.JsonAsync()).Id());
        }
        Assert.Equal(other.ToJsonString(), (await user.ReadNoteAsync(other.Id())).ToJsonString());
    }

    static HttpRequestMessage WithBody(string method, object body) =>
        new(new HttpMethod(method), $"/api/notes/{Malformed}") { Content = JsonContent.Create(body) };
}
