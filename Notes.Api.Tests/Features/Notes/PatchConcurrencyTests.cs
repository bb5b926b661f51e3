using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Notes;

public sealed class PatchConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const int Writers = 10;

    [Fact]
    public async Task Concurrent_patches_with_the_same_if_match_let_exactly_one_win_and_answer_412_to_the_rest()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("before")).Id();

        var responses = await Concurrently.AllAtOnceAsync(Writers, writer => user.PatchNoteAsync(id, new { title = $"writer {writer}", tags = new[] { $"w{writer}" } }, ETag.Of(1)));

        var winner = Assert.Single(Enumerable.Range(0, Writers), w => responses[w].StatusCode == HttpStatusCode.OK);
        var note = await user.ReadNoteAsync(id);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal(note.ToJsonString(), (await loser.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict"))["current"]!.ToJsonString());
        Assert.Equal(2, note.Version());
        Assert.Equal($"writer {winner}", note.Title());
        Assert.Equal([$"w{winner}"], note["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }
}
