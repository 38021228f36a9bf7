using Microsoft.AspNetCore.Http.Features;

namespace Slotflow.Api.Operations;

/// <summary>
/// Gives each request its id (<see cref="RequestIdMiddleware.For"/>) as TraceIdentifier the moment its HttpContext
/// is made. ASP.NET Core's hosting log scope reads TraceIdentifier then, before any middleware runs; set any later,
/// the scope's RequestId would stay Kestrel's connection-based id while ours said another.
/// </summary>
public sealed class RequestIdHttpContextFactory(IServiceProvider services) : IHttpContextFactory
{
    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var context = _inner.Create(featureCollection);
        context.TraceIdentifier = RequestIdMiddleware.For(context.Request);
        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
