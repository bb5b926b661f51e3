using System.Globalization;
using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Http;

namespace Notes.Api.Features.Auth.Login;

internal sealed class Endpoint(
    Data data, Passwords passwords, SessionIssuer sessions, IOptions<AuthOptions> options, TimeProvider clock, Audit audit)
    : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        Description(d => d.ProducesProblemDetails(StatusCodes.Status401Unauthorized).ProducesProblemDetails(StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Sign in and receive a bearer token";
            s.Responses[StatusCodes.Status401Unauthorized] = "Unknown username or wrong password (the same answer for both).";
            s.Responses[StatusCodes.Status429TooManyRequests] = "Too many failed attempts for this username from this address; see Retry-After.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var auth = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var client = HttpContext.ClientAddress();

        var tally = await data.CountAttemptAsync(client, req.Username, now, auth.LockoutWindow, ct);
        if (tally.Attempts > auth.MaxFailedLogins)
        {
            var wait = Math.Max(1, (int)Math.Ceiling((tally.WindowEndsAt - now).TotalSeconds));
            HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            audit.SignInThrottled(req.Username, client, wait);
            await Send.ResultAsync(TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, detail: $"Too many failed sign-in attempts. Try again in {wait} seconds."));
            return;
        }

        var account = await data.FindAccountAsync(req.Username, ct);
        // Verified even when the user is unknown (against a dummy hash), so both refusals take the same time.
        if (!passwords.Verify(req.Password, account?.PasswordHash) || account is null)
        {
            audit.SignInRefused(account?.Id, req.Username, client);
            await Send.ResultAsync(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Invalid username or password."));
            return;
        }

        await data.ForgetAttemptsAsync(client, req.Username, ct);
        var issued = await sessions.StartAsync(account.Id, account.Username, ct);
        audit.SignedIn(account.Id, account.Username, client);
        await Send.OkAsync(TokenResponse.Bearer(issued, account.Id, account.Username), ct);
    }
}
