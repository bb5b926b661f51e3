namespace Notes.Api.Features.Auth.Register;

internal sealed record Response(string Id, string Username);
