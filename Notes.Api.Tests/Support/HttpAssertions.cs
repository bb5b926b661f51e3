using System.Net;
using Notes.Api.Infrastructure.Http;

namespace Notes.Api.Tests.Support;

public static class HttpAssertions
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("The response body is empty.");

    /// <summary>
    /// Asserts the RFC 9457 shape every error shares (content type, status in the body equal to the HTTP status, a known code,
    /// an RFC type link, a W3C trace id, no exception text) and returns the problem for the test's own assertions.
    /// </summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.Equal(Uri.UnescapeDataString(response.RequestMessage!.RequestUri!.AbsolutePath), Uri.UnescapeDataString(problem["instance"]!.GetValue<string>()));
        Assert.IsType<JsonArray>(problem["errors"]);
        Assert.Contains(problem["code"]!.GetValue<string>(), CodesOf[expected]);
        if (code is not null)
            Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Matches(@"^https://www\.rfc-editor\.org/rfc/rfc(9110|6585)#section-[0-9.]+$", problem["type"]!.GetValue<string>());
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", problem["traceId"]!.GetValue<string>());
        return problem;
    }

    /// <summary>The codes a problem of each status may carry: the table in the README.</summary>
    static readonly Dictionary<HttpStatusCode, string[]> CodesOf = new()
    {
        [HttpStatusCode.BadRequest] = [ProblemCodes.ValidationFailed, ProblemCodes.WrongPassword, ProblemCodes.InvalidCode, ProblemCodes.BadRequest, ProblemCodes.ImportTooLarge, ProblemCodes.ImportFormatUnknown],
        [HttpStatusCode.Unauthorized] =
        [
            ProblemCodes.AuthRequired, ProblemCodes.InvalidToken, ProblemCodes.TokenExpired, ProblemCodes.TokenRevoked, ProblemCodes.InvalidCredentials,
            ProblemCodes.TwoFactorRequired, ProblemCodes.InvalidCode,
        ],
        [HttpStatusCode.Forbidden] = [ProblemCodes.InsufficientScope],
        [HttpStatusCode.NotFound] = [ProblemCodes.NotFound, ProblemCodes.RouteNotFound],
        [HttpStatusCode.MethodNotAllowed] = [ProblemCodes.MethodNotAllowed],
        [HttpStatusCode.Conflict] =
        [
            ProblemCodes.UsernameTaken, ProblemCodes.QuotaReached, ProblemCodes.NoteInTrash, ProblemCodes.IdempotencyKeyInProgress,
            ProblemCodes.TwoFactorAlreadyEnabled, ProblemCodes.TwoFactorNotSetUp, ProblemCodes.TwoFactorNotEnabled, ProblemCodes.TokenLimitReached,
        ],
        [HttpStatusCode.UnprocessableEntity] = [ProblemCodes.IdempotencyKeyReused],
        [HttpStatusCode.PreconditionFailed] = [ProblemCodes.VersionConflict],
        [HttpStatusCode.RequestEntityTooLarge] = [ProblemCodes.BodyTooLarge],
        [HttpStatusCode.UnsupportedMediaType] = [ProblemCodes.UnsupportedMediaType],
        [HttpStatusCode.TooManyRequests] = [ProblemCodes.TooManyAttempts],
        [HttpStatusCode.InternalServerError] = [ProblemCodes.InternalError],
        [HttpStatusCode.ServiceUnavailable] = [ProblemCodes.DatabaseUnavailable],
    };

    /// <summary>The names of the fields a validation problem complains about.</summary>
    public static IEnumerable<string> ErrorFields(this JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => e!["name"]!.GetValue<string>());
}
