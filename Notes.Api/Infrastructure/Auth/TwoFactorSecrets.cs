using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// Encrypts TOTP secrets for storage with ASP.NET Core Data Protection (authenticated encryption, keys rotated by the framework),
/// so a secret is never stored in plain text. The key ring lives in MongoDB (<see cref="MongoKeyRing"/>) and the application name
/// is fixed, so every instance reads what any other wrote.
/// </summary>
internal sealed class TwoFactorSecrets(IDataProtectionProvider provider)
{
    const string Purpose = "NotesSlices.TwoFactor.v1";

    readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(byte[] secret) => Convert.ToBase64String(_protector.Protect(secret));

    public byte[] Unprotect(string stored) => _protector.Unprotect(Convert.FromBase64String(stored));

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("NotesSlices");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new MongoKeyRing(sp.GetRequiredService<IMongoCollection<DataProtectionKey>>())));
        services.AddSingleton<TwoFactorSecrets>();
        // Data Protection reads (or first creates) its key ring at start, from a hosted service of its own: 4 MB resident in every
        // instance (the XML stack, the key's creation) for what only two-step sign-in uses. Without it the ring is read at first use.
        services.Remove(services.Single(d => d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService"));
    }

    /// <summary>
    /// The key ring in the <c>dataProtectionKeys</c> collection. Data Protection reads it once and caches it (refreshing it within
    /// a day, and at once when it meets a key it does not know), so this costs a round trip only now and then. Its calls are
    /// synchronous because the framework's interface is.
    /// </summary>
    sealed class MongoKeyRing(IMongoCollection<DataProtectionKey> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            [.. keys.Find(FilterDefinition<DataProtectionKey>.Empty).ToList().Select(k => XElement.Parse(k.Xml))];

        public void StoreElement(XElement element, string friendlyName) =>
            keys.InsertOne(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
