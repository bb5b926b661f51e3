using System.Text;

namespace Notes.Api.Tests.Fuzz;

/// <summary>What a request authenticates with: nothing, a live session's token, that token with its signature broken, or a forgery.</summary>
public enum Credential { None, Session, TamperedSession, Forged }

/// <summary>The parts of a request that can be made hostile; framing is its content type and whether its length is declared.</summary>
public enum RequestPart { Path, Query, Headers, Credential, Body, Framing }

/// <summary>One generated request. Its text is what a failing run prints, so it shows every part that was sent.</summary>
public sealed record HostileRequest(
    ApiOperation Operation, IReadOnlyList<RequestPart> Broken, string Url, Credential Credential, string ForgedAuthorization,
    IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType, byte[]? Body, bool Chunked)
{
    public override string ToString()
    {
        var text = new StringBuilder($"Hostile parts: {(Broken.Count == 0 ? "none" : string.Join(", ", Broken))}\n{Operation.Method} {Shorten(Url, 600)}\n");
        text.Append(Credential == Credential.Forged ? $"Authorization: {Shorten(ForgedAuthorization, 200)}\n" : $"Credential: {Credential}\n");
        foreach (var (name, value) in Headers)
            text.Append($"{name}: {Shorten(value, 200)}\n");
        if (Body is not null)
            text.Append($"Content-Type: {ContentType ?? "(none)"}{(Chunked ? ", chunked" : "")}\n{Body.Length} bytes: {Shorten(Encoding.UTF8.GetString(Body), 600)}");
        return text.ToString();
    }

    static string Shorten(string text, int length)
    {
        var shown = text.Length > length ? $"{text[..length]}... ({text.Length} characters)" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
