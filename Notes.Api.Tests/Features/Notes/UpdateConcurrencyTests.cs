using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Notes;

public sealed class UpdateConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const int Writers = 20;
    const int Rounds = 5;

    [Fact]
    public async Task Concurrent_updates_with_the_same_if_match_let_exactly_one_win_and_answer_412_to_the_rest_round_after_round()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("round 0", "written by the creator")).Id();

        for (var version = 1; version <= Rounds; version++)
        {
            var round = version;
            var responses = await Concurrently.AllAtOnceAsync(Writers, writer => user.PutNoteAsync(
                id, new { title = $"round {round} writer {writer}", description = $"written by writer {writer} in round {round}" }, ETag.Of(version)));

            var winner = Assert.Single(Enumerable.Range(0, Writers), w => responses[w].StatusCode == HttpStatusCode.OK);
            var note = await user.ReadNoteAsync(id);
            // Each loser read the note after the winner wrote it: its current is what the winner wrote.
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                Assert.Equal(note.ToJsonString(), (await loser.ProblemAsync(HttpStatusCode.PreconditionFailed))["current"]!.ToJsonString());
            Assert.Equal(ETag.Of(version + 1), responses[winner].ETagOf());

            Assert.Equal(version + 1, note.Version());
            Assert.Equal($"round {round} writer {winner}", note.Title());
            Assert.Equal($"written by writer {winner} in round {round}", note["description"]!.GetValue<string>());
        }
    }
}
