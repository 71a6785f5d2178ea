using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>
/// Pacta served by Kestrel on 127.0.0.1 at a port the system chooses, so a real browser can reach it;
/// otherwise the same app, database and configuration as the in-memory <see cref="PactaApp"/>.
/// </summary>
public sealed class KestrelPactaApp : PactaApp
{
    public KestrelPactaApp(DatabaseProvider provider, string forum = "mexico") : base(provider, forum: forum) =>
        // 127.0.0.1 rather than "localhost": one address, no IPv6 fallback, and the host every request must go to.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Where Pacta listens, e.g. <c>http://127.0.0.1:40123</c>; known once the app has started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
        // A reader meets a signed record: the record pages and every entity page's record link need a checkpoint,
        // and the background signer is off in tests (PactaApp), so sign the seeded head once here.
        await Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync();
    }
}
