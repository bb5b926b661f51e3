using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

/// <summary>
/// Broken object-level authorisation: user B must never read, change, delete or list user A's notes, nor even learn that they exist.
/// (Adding or updating with another owner named in the body is in AddTests and UpdateTests.)
/// </summary>
public sealed class OwnershipTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>What a caller can observe of an answer, less what names the request itself (instance) or the trace.</summary>
    sealed record Answer(HttpStatusCode Status, string HeaderNames, string Body);

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PUT If-Match: \"1\"")] // the note's current version, which a 412 would confirm
    [InlineData("PUT If-Match: \"2\"")]
    [InlineData("PUT If-Match: *")]
    [InlineData("DELETE")]
    public async Task Another_users_note_is_answered_exactly_like_a_note_that_does_not_exist_and_stays_unchanged(string call)
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var note = await alice.AddNoteAsync("Alice's diary", "secret");

        var forAlicesNote = await AnswerAsync(bob, call, note.Id());
        var forNoNote = await AnswerAsync(bob, call, ObjectId.GenerateNewId().ToString());

        Assert.Equal(HttpStatusCode.NotFound, forAlicesNote.Status);
        Assert.Equal(forNoNote, forAlicesNote);
        Assert.Equal(note.ToJsonString(), (await alice.ReadNoteAsync(note.Id())).ToJsonString());
    }

    [Fact]
    public async Task Another_users_notes_change_no_list_answer_for_any_search_page_page_size_sort_or_order()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        // Interleaved with Bob's in time and in title order, and matching his searches, so that any leak would move his pages.
        var alicesNotes = new List<JsonNode>();
        foreach (var (bobs, alices) in new[] { ("b shared", "a shared alice-only"), ("d shared", "c shared alice-only"), ("f shared", "e shared alice-only") })
        {
            await bob.AddNoteAsync(bobs, "bob's");
            alicesNotes.Add(await alice.AddNoteAsync(alices, "diary"));
        }
        string[] queries =
        [
            .. from search in new[] { "", "shared", "alice-only", "diary" }
               from sort in new[] { "updatedAt", "createdAt", "title" }
               from order in new[] { "asc", "desc" }
               from paging in new[] { "page=1&pageSize=1", "page=2&pageSize=1", "page=4&pageSize=1", "page=1&pageSize=100" }
               select $"?search={search}&sort={sort}&order={order}&{paging}",
        ];

        var withAlicesNotes = await ListAnswersAsync(bob, queries);
        foreach (var note in alicesNotes)
            Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/notes/{note.Id()}")).StatusCode);
        var withoutThem = await ListAnswersAsync(bob, queries);

        Assert.Equal(withoutThem, withAlicesNotes);
        Assert.Equal(3, (await bob.ListNotesAsync("?search=shared")).Total()); // Bob's own are found: the answers compared are not all empty
    }

    [Fact]
    public async Task List_and_search_show_only_the_callers_notes()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        await alice.AddNoteAsync("Shared word: alpha", "alice only");
        await bob.AddNoteAsync("Shared word: alpha", "bob only");

        var bobsList = await bob.ListNotesAsync();
        var bobsSearch = await bob.ListNotesAsync("?search=alpha");
        var bobsSearchForAlice = await bob.ListNotesAsync("?search=alice");

        Assert.Equal(1, bobsList.Total());
        Assert.Equal("bob only", bobsList["items"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(1, bobsSearch.Total());
        Assert.Equal("bob only", bobsSearch["items"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(0, bobsSearchForAlice.Total());
        Assert.Empty(bobsSearchForAlice.Titles());
    }

    [Fact]
    public async Task List_ignores_an_owner_named_in_the_query()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        await alice.AddNoteAsync("Alice's diary");

        var list = await bob.ListNotesAsync($"?userId={alice.Id}&ownerId={alice.Id}&sub={alice.Id}");

        Assert.Equal(0, list.Total());
        Assert.Empty(list.Titles());
    }

    static async Task<Answer> AnswerAsync(TestUser caller, string call, string noteId)
    {
        var response = call switch
        {
            "GET" => await caller.GetNoteAsync(noteId),
            "DELETE" => await caller.Client.DeleteAsync($"/api/notes/{noteId}"),
            _ => await caller.PutNoteAsync(noteId, new { title = "Bob was here", description = "" }, call.Split("If-Match: ") is [_, var tag] ? tag : null),
        };
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("instance");
        body.Remove("traceId");
        var headerNames = response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase);
        return new Answer(response.StatusCode, string.Join(", ", headerNames), body.ToJsonString());
    }

    static async Task<string[]> ListAnswersAsync(TestUser caller, string[] queries)
    {
        var answers = new string[queries.Length];
        for (var i = 0; i < queries.Length; i++)
            answers[i] = $"{queries[i]} => {(await caller.ListNotesAsync(queries[i])).ToJsonString()}";
        return answers;
    }
}
