using System.Net;
using MongoDB.Bson;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Infrastructure.Mongo;

public sealed class MongoErrorsTests
{
    static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

    public static TheoryData<Exception> Unavailable => new()
    {
        new MongoConnectionException(Connection, "the server hung up"),
        new TimeoutException("no server answered in time"),
        new MongoExecutionTimeoutException(Connection, "operation exceeded time limit"),
        new MongoConnectionPoolPausedException("the pool is paused until the server answers again"),
    };

    public static TheoryData<Exception> Failures => new()
    {
        new MongoCommandException(Connection, "E11000 duplicate key", new BsonDocument("code", 11000)),
        new InvalidOperationException("a bug"),
        new OperationCanceledException(),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_database_that_cannot_answer_in_time_is_unavailable_so_clients_retry(Exception ex) =>
        Assert.True(MongoErrors.IsUnavailable(ex));

    [Theory]
    [MemberData(nameof(Failures))]
    public void Other_errors_are_not_unavailability(Exception ex) =>
        Assert.False(MongoErrors.IsUnavailable(ex));
}
