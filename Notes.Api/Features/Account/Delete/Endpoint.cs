namespace Notes.Api.Features.Account.Delete;

internal sealed class Endpoint(AccountData accounts, Reauthentication reauthentication, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Delete your account and everything in it";
            s.Description = "Needs the password, and a code when two-step sign-in is on (a current one from the authenticator app, or an " +
                "unused recovery code). Removes the account, its notes, its sessions and everything else stored for it. From the " +
                "moment it begins, the account cannot sign in and none of its tokens is accepted; should the removal be interrupted, " +
                "it is finished within minutes. Once it is done, the username may be registered again. Wrong passwords and codes " +
                "count toward the failed sign-in limit.";
            s.Responses[StatusCodes.Status204NoContent] = "The account is gone.";
            s.Responses[StatusCodes.Status400BadRequest] =
                "The password is wrong (wrong_password), the code is wrong, used or missing (invalid_code), or the password is missing (validation_failed).";
            SignInLimit.DescribeRefusal(s);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await reauthentication.ProveAsync(HttpContext, req.UserId, req.Username, req.Password, req.Code ?? "", "Deleting the account", ct)
            is Reauthentication.Refused refused)
        {
            await Send.ResultAsync(refused.Answer);
            return;
        }

        // From the mark on, the deletion must be finished even if the caller goes away; an outage leaves it to the sweep.
        await accounts.DeleteAsync(new DeletingUser(req.UserId, Entities.User.KeyOf(req.Username)), CancellationToken.None);
        audit.AccountDeleted(req.UserId, req.Username, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
