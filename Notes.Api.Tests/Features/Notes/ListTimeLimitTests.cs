using System.Collections.Concurrent;
using System.Net;
using MongoDB.Bson;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Events;
using MongoDB.Driver.Core.Servers;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Notes;

/// <summary>
/// A list query may hold the database for one second at most, enforced by the server (maxTimeMS). The embedded engine ignores
/// that limit, so these tests check that the limit is sent, and that the server's refusal past it counts as unavailability (503).
/// </summary>
public sealed class ListTimeLimitTests(ListTimeLimitTests.Factory api) : IClassFixture<ListTimeLimitTests.Factory>
{
    /// <summary>The app on a client that keeps every command it sends.</summary>
    public class Factory : CommandWatchingApi
    {
        public ConcurrentQueue<BsonDocument> Commands { get; } = new();

        protected override void Watch(CommandStartedEvent e) => Commands.Enqueue(e.Command.DeepClone().AsBsonDocument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?search=(a%2B)%2B$&sort=title")]
    public async Task A_list_query_gives_the_database_one_second_at_most(string query)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("a note");
        api.Commands.Clear();

        await user.ListNotesAsync(query);

        var listQuery = Assert.Single(api.Commands, c => c.TryGetValue("aggregate", out var collection) && collection == CollectionNames.Notes);
        Assert.Equal(1000, listQuery["maxTimeMS"].ToInt64());
    }

    [Fact]
    public void A_query_stopped_at_its_time_limit_counts_as_the_database_being_unavailable()
    {
        var connection = new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

        Assert.True(MongoErrors.IsUnavailable(new MongoExecutionTimeoutException(connection, "operation exceeded time limit")));
    }
}
