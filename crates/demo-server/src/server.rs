//! Binding the three origins' listeners and serving them.

use std::future::{Future, IntoFuture};
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use cors_core::wire::Role;
use tokio::net::TcpListener;

use crate::api_origin::api_router;
use crate::app_origin::app_router;
use crate::config::Config;
use crate::hosts::ConnInfo;
use crate::intranet_origin::intranet_router;
use crate::state::AppState;

/// How long connections get to finish after shutdown starts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Why the server could not start listening.
#[derive(Debug)]
pub enum BindError {
    /// Another program holds the port.
    InUse { role: Role, port: u16 },
    /// Two origins were given the same (non-zero) port.
    SamePort {
        first: Role,
        second: Role,
        port: u16,
    },
    /// Any other failure (no such address, port needing privileges, ...).
    Io {
        role: Role,
        addr: SocketAddr,
        source: io::Error,
    },
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindError::InUse { role, port } => write!(
                f,
                "port {port} ({} origin) is already in use: stop the other program or pass {}",
                role.label(),
                port_flag(*role)
            ),
            BindError::SamePort {
                first,
                second,
                port,
            } => write!(
                f,
                "the {} and {} origins were both given port {port}: each origin needs its own port (pass {})",
                first.label(),
                second.label(),
                port_flag(*second)
            ),
            BindError::Io { role, addr, source } => write!(
                f,
                "cannot listen on {addr} ({} origin): {source}",
                role.label()
            ),
        }
    }
}

impl std::error::Error for BindError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BindError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The command-line flag that sets `role`'s port.
fn port_flag(role: Role) -> &'static str {
    match role {
        Role::App => "--app-port",
        Role::Api => "--api-port",
        Role::Intranet => "--intranet-port",
    }
}

/// The three origins' listeners, bound and ready to serve.
#[derive(Debug)]
pub struct Bound {
    state: AppState,
    app: TcpListener,
    api: TcpListener,
    intranet: TcpListener,
}

/// Binds the app, API and intranet listeners (port 0: any free port).
pub async fn bind(config: Config) -> Result<Bound, BindError> {
    let ports = [
        (Role::App, config.app_port),
        (Role::Api, config.api_port),
        (Role::Intranet, config.intranet_port),
    ];
    for (i, &(first, port)) in ports.iter().enumerate() {
        if let Some(&(second, _)) = ports[i + 1..]
            .iter()
            .find(|&&(_, other)| port != 0 && other == port)
        {
            return Err(BindError::SamePort {
                first,
                second,
                port,
            });
        }
    }

    let app = listen(&config, Role::App, config.app_port).await?;
    let api = listen(&config, Role::Api, config.api_port).await?;
    let intranet = listen(&config, Role::Intranet, config.intranet_port).await?;
    let state = AppState::new(&Config {
        app_port: local_port(&app),
        api_port: local_port(&api),
        intranet_port: local_port(&intranet),
        ..config
    });
    Ok(Bound {
        state,
        app,
        api,
        intranet,
    })
}

async fn listen(config: &Config, role: Role, port: u16) -> Result<TcpListener, BindError> {
    let addr = SocketAddr::new(config.host, port);
    TcpListener::bind(addr).await.map_err(|source| {
        if source.kind() == io::ErrorKind::AddrInUse {
            BindError::InUse { role, port }
        } else {
            BindError::Io { role, addr, source }
        }
    })
}

fn local_port(listener: &TcpListener) -> u16 {
    listener.local_addr().map_or(0, |addr| addr.port())
}

fn local_addr(listener: &TcpListener) -> SocketAddr {
    // A bound TCP listener always has a local address; fall back to the
    // unspecified address rather than panicking if the OS says otherwise.
    listener
        .local_addr()
        .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)))
}

impl Bound {
    pub fn app_addr(&self) -> SocketAddr {
        local_addr(&self.app)
    }

    pub fn api_addr(&self) -> SocketAddr {
        local_addr(&self.api)
    }

    pub fn intranet_addr(&self) -> SocketAddr {
        local_addr(&self.intranet)
    }

    /// The state the origins will share (its log, for instance).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves all three origins until `shutdown` completes, then stops
    /// accepting, ends open event streams and lets requests in flight finish
    /// (for a few seconds at most).
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> io::Result<()> {
        let Bound {
            state,
            app,
            api,
            intranet,
        } = self;
        let closer = state.clone();
        tokio::spawn(async move {
            shutdown.await;
            closer.close();
        });

        // Each connection's local address tells which of the machine's
        // addresses the browser used (see `crate::hosts`).
        let app = axum::serve(
            app,
            app_router(state.clone()).into_make_service_with_connect_info::<ConnInfo>(),
        )
        .with_graceful_shutdown(state.closed())
        .into_future();
        let api = axum::serve(
            api,
            api_router(state.clone()).into_make_service_with_connect_info::<ConnInfo>(),
        )
        .with_graceful_shutdown(state.closed())
        .into_future();
        let intranet = axum::serve(
            intranet,
            intranet_router(state.clone()).into_make_service_with_connect_info::<ConnInfo>(),
        )
        .with_graceful_shutdown(state.closed())
        .into_future();
        let servers = async { tokio::try_join!(app, api, intranet).map(|_| ()) };
        let deadline = {
            let closed = state.closed();
            async move {
                closed.await;
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            }
        };
        tokio::select! {
            result = servers => result,
            () = deadline => Ok(()),
        }
    }
}
