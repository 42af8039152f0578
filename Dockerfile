# One image for the docker-compose cluster (docker-compose.yml): the supervisor nodes run it as it is
# (`supervisor run --config /etc/supervisor/cluster.conf`), the exchange simulator with its own entrypoint
# (`dotnet /app/simulator/Supervisor.Simulator.dll ...`). Build: docker build -t supervisor .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files and the central package versions (Directory.Packages.props) alone, so that a change
# of source reuses this layer. The supervisor references the simulator, so this restores both.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Supervisor.Configuration/Supervisor.Configuration.csproj src/Supervisor.Configuration/
COPY src/Supervisor.Venues/Supervisor.Venues.csproj src/Supervisor.Venues/
COPY src/Supervisor.Actors/Supervisor.Actors.csproj src/Supervisor.Actors/
COPY src/Supervisor.Simulator/Supervisor.Simulator.csproj src/Supervisor.Simulator/
COPY src/Supervisor.Host/Supervisor.Host.csproj src/Supervisor.Host/
RUN dotnet restore src/Supervisor.Host/Supervisor.Host.csproj
# hocon/reference.conf is embedded in Supervisor.Configuration.
COPY hocon/ hocon/
COPY src/ src/
RUN dotnet publish src/Supervisor.Host/Supervisor.Host.csproj -c Release --no-restore -o /app/supervisor \
 && dotnet publish src/Supervisor.Simulator/Supervisor.Simulator.csproj -c Release --no-restore -o /app/simulator

# aspnet, not runtime: the simulator is an ASP.NET Core (Kestrel) app, and the supervisor references it for its demo.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
COPY --from=build /app /app
COPY hocon/cluster.conf /etc/supervisor/cluster.conf
# cluster.conf does `include "accounts.conf"` beside itself; that name points into /etc/supervisor/registry, where a
# volume brings the registry (in docker-compose.yml the simulator writes it there; with real accounts, mount a folder
# holding your accounts.conf, secrets as { env = NAME } or { file = PATH }). The folder belongs to the image's
# non-root user, so an empty named volume mounted on it starts out writable by that user.
RUN mkdir -p /etc/supervisor/registry \
 && chown "$APP_UID" /etc/supervisor/registry \
 && ln -s registry/accounts.conf /etc/supervisor/accounts.conf
# APP_UID: the unprivileged "app" user of the .NET images.
USER $APP_UID
WORKDIR /app/supervisor
# 4053: Akka remoting between the nodes (supervisor.cluster.port); 5080: the simulator; 8080: a node's HTTP API (supervisor.http.url).
EXPOSE 4053 5080 8080
ENTRYPOINT ["dotnet", "/app/supervisor/supervisor.dll"]
CMD ["run", "--config", "/etc/supervisor/cluster.conf"]
