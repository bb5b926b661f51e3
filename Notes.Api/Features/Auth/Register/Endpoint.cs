using Microsoft.Extensions.Options;

namespace Notes.Api.Features.Auth.Register;

internal sealed class Endpoint(Data data, Passwords passwords, Throttles throttles, IOptions<AuthOptions> options, TimeProvider clock, Audit audit)
    : Endpoint<Request, Response>
{
    static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public override void Configure()
    {
        Post("register");
        Group<AuthGroup>();
        AllowAnonymous();
        Description(d => d
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Create an account";
            s.Description = "Creates an account from a username, unique in any letter case, and a password, which is refused when it is easy to guess. " +
                "Each client address may create only so many accounts an hour.";
            s.Responses[StatusCodes.Status201Created] = "The account was created.";
            s.Responses[StatusCodes.Status409Conflict] = "The username is taken, in any letter case.";
            s.Responses[StatusCodes.Status429TooManyRequests] = "This address has created as many accounts as it may in an hour; see Retry-After.";
            s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status429TooManyRequests));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = HttpContext.ClientAddress();

        // A slot is taken before the account is made, so parallel requests cannot all slip under the limit;
        // every attempt that does not end in a new account gives its slot back, so only accounts made count.
        var slot = await throttles.CountAsync($"register|{client}", now, Window, ct);
        if (slot.Count > options.Value.RegistrationsPerHour)
        {
            await throttles.UncountAsync(slot, CancellationToken.None);
            var wait = Throttles.RetryAfterSeconds(slot, now);
            audit.RegistrationThrottled(client, wait);
            await Send.ResultAsync(Throttles.TooManyRequests(HttpContext, wait, "Too many accounts have been created from this address."));
            return;
        }

        User? user = null;
        try
        {
            user = await data.TryCreateAsync(req.Username, await passwords.HashAsync(req.Password, ct), now, ct);
        }
        finally
        {
            if (user is null)
                await throttles.UncountAsync(slot, CancellationToken.None);
        }

        if (user is null)
        {
            const string taken = "This username is taken.";
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.UsernameTaken, taken, [new FieldError("username", taken)]));
            return;
        }

        Logger.LogInformation("User {UserId} registered", user.Id);
        await Send.ResponseAsync(new Response(user.Id, user.Username), StatusCodes.Status201Created, ct);
    }
}
