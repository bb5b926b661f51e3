using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Auth.Register;

internal sealed class Endpoint(Data data, Passwords passwords, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/auth/register");
        AllowAnonymous();
        Description(d => d.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = "Create an account";
            s.Responses[StatusCodes.Status201Created] = "The account was created.";
            s.Responses[StatusCodes.Status409Conflict] = "The username is taken, in any letter case.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var user = await data.TryCreateAsync(req.Username, await passwords.HashAsync(req.Password, ct), clock.GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            AddError(r => r.Username, "This username is taken.");
            await Send.ErrorsAsync(StatusCodes.Status409Conflict, ct);
            return;
        }

        Logger.LogInformation("User {UserId} registered", user.Id);
        await Send.ResponseAsync(new Response(user.Id, user.Username), StatusCodes.Status201Created, ct);
    }
}
