using Microsoft.AspNetCore.Authorization;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>Endpoint metadata: an access token may call this endpoint (within its scope). Only groups that ask for it carry it.</summary>
internal sealed class AccessTokensAccepted
{
    public static readonly AccessTokensAccepted Instance = new();
}

/// <summary>
/// What an access token may reach, judged with every authorisation (so before the request is bound or a handler runs): only the
/// endpoints of groups that accept tokens (an allowlist: a new group, or a new endpoint in the account area, refuses them), and
/// with a <c>read</c> token only GET and HEAD. Anything else is forbidden, and the access-token scheme answers that 403
/// insufficient_scope. Session principals pass untouched.
/// </summary>
internal sealed class AccessTokenScopes : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.AuthenticationType == AccessTokenAuthentication.SchemeName
            && context.Resource is HttpContext http
            && !Allows(http, context.User.FindFirst(TokenClaims.Scope)?.Value))
            context.Fail(new AuthorizationFailureReason(this, "The access token's scope does not cover this request"));
        return Task.CompletedTask;
    }

    static bool Allows(HttpContext http, string? scope) =>
        http.GetEndpoint()?.Metadata.GetMetadata<AccessTokensAccepted>() is not null
        && (scope == AccessTokenScope.Write || scope == AccessTokenScope.Read && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)));
}
