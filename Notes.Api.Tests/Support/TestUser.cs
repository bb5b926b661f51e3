using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Notes.Api.Tests.Support;

/// <summary>A registered, signed-in user whose client sends its bearer token.</summary>
public sealed record TestUser(string Id, string Username, string Password, string Token, HttpClient Client);

public static class Users
{
    public const string Password = "correct horse battery staple";

    public static string NewName() => $"u{Guid.NewGuid():N}"[..24];

    public static async Task<TestUser> SignedInUserAsync(this ApiFactory api, string? username = null, string password = Password)
    {
        username ??= NewName();
        var anonymous = api.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { username, password });
        registered.EnsureSuccessStatusCode();

        var token = await api.SignInAsync(username, password);
        var id = (await registered.JsonAsync())["id"]!.GetValue<string>();
        return new TestUser(id, username, password, token, api.ClientWithToken(token));
    }

    public static async Task<string> SignInAsync(this ApiFactory api, string username, string password = Password)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync())["token"]!.GetValue<string>();
    }

    public static HttpClient ClientWithToken(this ApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
