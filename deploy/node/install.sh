#!/usr/bin/env bash
# vpnbot node kit: turns a fresh Debian/Ubuntu VPS into a server the bot sells, in one command.
#
#   VPNBOT_ENROLL_TOKEN='vpnbot-enroll-…' bash install.sh --bot-url https://bot.example.com
#
# 1. installs 3x-ui from its official container image (docker compose), or with its official
#    install script (--no-docker); the panel's data lives on a volume;
# 2. replaces every default: random admin login and password, random web base path, a random
#    panel port, and a certificate for the panel (self-signed, or Let's Encrypt with --domain);
#    on 3x-ui v3.3.0+ an API token for the bot (its two-factor login stays off: docs/NODES.md);
# 3. opens only SSH, the VPN port and the panel port (the panel port only to --bot-ip if given);
# 4. enrols the panel with the bot: POST {bot}/nodes/enroll with the one-time token, the panel's
#    URL, API token (or login, on older panels) and certificate SHA-256; the bot pins the certificate, creates the VLESS Reality
#    inbound and starts selling keys on it.
#
# Against a panel that is already running (how the tests use it), nothing is installed:
#   PANEL_USERNAME=… PANEL_PASSWORD=… VPNBOT_ENROLL_TOKEN=… \
#     bash install.sh --skip-install --panel-url https://host:port/path/ --bot-url https://bot.example.com
#
# Secrets (token, panel password) come from the environment or are generated, are written only to
# files readable by root (mode 600) and are never printed, logged or put on a command line we
# start except the panel's own setting tool inside its container. Running it again is safe:
# the login, path, port and certificate of the first run are kept, and a node that is enrolled
# is not enrolled twice. Exit codes: 0 enrolled, 1 failed, 2 usage, 3 the bot refused.
set -euo pipefail
umask 077

XUI_VERSION_DEFAULT="v3.6.0"

usage() {
    cat <<'USAGE'
usage: install.sh --bot-url URL [options]
  --bot-url URL        the bot's PUBLIC_URL (https; http only for 127.0.0.1/localhost)
  --name NAME          the server name the token was issued for (checked by the bot; optional)
  --inbound-port N     the VLESS Reality port the bot creates (default 443)
  --sni HOST           the Reality server name (default www.microsoft.com)
  --state-dir DIR      where the node keeps its login and certificate (default /etc/vpnbot-node; ~/.vpnbot-node with --skip-install as a user)
 installing:
  --no-docker          use 3x-ui's official install script instead of its container image
  --domain NAME        get a Let's Encrypt certificate for NAME (port 80 must reach this host)
  --email ADDRESS      with --domain: for Let's Encrypt's expiry notices
  --public-host HOST   the address the bot reaches the panel at (default: --domain, else this host's first address)
  --panel-port N       the panel's port (default: random, 20000-59999)
  --bot-ip ADDRESS     allow the panel port only from this address
  --xui-version TAG    3x-ui release (default v3.6.0)
 an existing panel:
  --skip-install       install nothing; enrol the panel given with --panel-url
  --panel-url URL      https URL of the panel with its web base path
  --cert-sha256 HEX    the panel certificate's SHA-256 (default: read from the panel)
  --no-api-token       give the bot the panel password even where the panel makes API tokens (3x-ui v3.3.0+)
 other:
  --print-compose      print the docker compose file this script uses, and exit
environment: VPNBOT_ENROLL_TOKEN (required), PANEL_USERNAME + PANEL_PASSWORD or PANEL_API_TOKEN (--skip-install),
  PANEL_TWO_FACTOR_CODE (the current code, when the panel's 2FA is on: used once, to create the API token)
USAGE
}

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }
usage_error() { printf 'error: %s\n' "$*" >&2; usage >&2; exit 2; }

BOT_URL=""; NAME=""; INBOUND_PORT=443; SNI="www.microsoft.com"; STATE_DIR=""
NO_DOCKER=0; DOMAIN=""; EMAIL=""; PUBLIC_HOST=""; PANEL_PORT=""; BOT_IP=""; XUI_VERSION="$XUI_VERSION_DEFAULT"
SKIP_INSTALL=0; PANEL_URL=""; CERT_SHA256=""; PRINT_COMPOSE=0; NO_API_TOKEN=0

need_value() { [[ $# -ge 2 && -n "$2" ]] || usage_error "$1 needs a value"; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bot-url) need_value "$@"; BOT_URL="$2"; shift 2 ;;
        --name) need_value "$@"; NAME="$2"; shift 2 ;;
        --inbound-port) need_value "$@"; INBOUND_PORT="$2"; shift 2 ;;
        --sni) need_value "$@"; SNI="$2"; shift 2 ;;
        --state-dir) need_value "$@"; STATE_DIR="$2"; shift 2 ;;
        --no-docker) NO_DOCKER=1; shift ;;
        --domain) need_value "$@"; DOMAIN="$2"; shift 2 ;;
        --email) need_value "$@"; EMAIL="$2"; shift 2 ;;
        --public-host) need_value "$@"; PUBLIC_HOST="$2"; shift 2 ;;
        --panel-port) need_value "$@"; PANEL_PORT="$2"; shift 2 ;;
        --bot-ip) need_value "$@"; BOT_IP="$2"; shift 2 ;;
        --xui-version) need_value "$@"; XUI_VERSION="$2"; shift 2 ;;
        --skip-install) SKIP_INSTALL=1; shift ;;
        --panel-url) need_value "$@"; PANEL_URL="$2"; shift 2 ;;
        --cert-sha256) need_value "$@"; CERT_SHA256="$2"; shift 2 ;;
        --print-compose) PRINT_COMPOSE=1; shift ;;
        --no-api-token) NO_API_TOKEN=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage_error "unknown option $1" ;;
    esac
done

compose_file() {
    cat <<'COMPOSE'
# 3x-ui for a vpnbot node (written by deploy/node/install.sh).
services:
  3xui:
    image: ${XUI_IMAGE:-ghcr.io/mhsanaei/3x-ui:v3.6.0}
    container_name: vpnbot-node-3xui
    # the host's network: every inbound the bot creates listens on the host, and the host's
    # firewall (ufw) alone decides who reaches it
    network_mode: host
    # the bundled Fail2ban enforces per-client IP limits with iptables
    cap_add:
      - NET_ADMIN
      - NET_RAW
    volumes:
      - xui-data:/etc/x-ui/
      - ./cert/:/root/cert/:ro
    environment:
      XRAY_VMESS_AEAD_FORCED: "false"
      XUI_ENABLE_FAIL2BAN: "true"
    tty: true
    restart: unless-stopped
volumes:
  xui-data:
COMPOSE
}

if [[ $PRINT_COMPOSE -eq 1 ]]; then compose_file; exit 0; fi
if [[ -z "$STATE_DIR" ]]; then
    # root keeps the node's state in /etc; enrolling an existing panel as another user keeps it at home
    if [[ $(id -u) -eq 0 || $SKIP_INSTALL -eq 0 ]]; then STATE_DIR="/etc/vpnbot-node"; else STATE_DIR="$HOME/.vpnbot-node"; fi
fi

# --- checks -----------------------------------------------------------------------------------
[[ -n "$BOT_URL" ]] || usage_error "--bot-url is required"
BOT_URL="${BOT_URL%/}"
case "$BOT_URL" in
    https://*) ;;
    http://127.0.0.1|http://127.0.0.1:*|http://localhost|http://localhost:*) ;; # a bot on this very host
    *) usage_error "--bot-url must be https (the token and the panel login travel to it)" ;;
esac
[[ -n "${VPNBOT_ENROLL_TOKEN:-}" ]] || usage_error "set VPNBOT_ENROLL_TOKEN to the token from 'vpnbot server enroll-token' or /admin"
[[ "$INBOUND_PORT" =~ ^[0-9]+$ && "$INBOUND_PORT" -ge 1 && "$INBOUND_PORT" -le 65535 ]] || usage_error "--inbound-port must be 1-65535"
if [[ $SKIP_INSTALL -eq 1 ]]; then
    [[ -n "$PANEL_URL" ]] || usage_error "--skip-install needs --panel-url"
    [[ "$PANEL_URL" == https://* ]] || usage_error "--panel-url must be https: the bot pins the panel's certificate"
    [[ -n "${PANEL_API_TOKEN:-}" || ( -n "${PANEL_USERNAME:-}" && -n "${PANEL_PASSWORD:-}" ) ]] \
        || usage_error "--skip-install needs PANEL_USERNAME and PANEL_PASSWORD (or PANEL_API_TOKEN) in the environment"
fi
command -v curl >/dev/null 2>&1 || [[ $SKIP_INSTALL -eq 0 ]] || fail "curl is needed"
command -v openssl >/dev/null 2>&1 || [[ $SKIP_INSTALL -eq 0 ]] || fail "openssl is needed"

# --- helpers ----------------------------------------------------------------------------------
random_text() { # $1 characters of [A-Za-z0-9]
    local out=""
    while [[ ${#out} -lt $1 ]]; do
        out+=$(openssl rand -base64 48 | tr -dc 'A-Za-z0-9')
    done
    printf '%s' "${out:0:$1}"
}

json_string() { # a JSON string literal of $1
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    s=${s//$'\t'/\\t}
    printf '"%s"' "$s"
}

json_field() { # the string field $2 of the JSON object $1 (our bot's flat answers), unescaped
    local value
    value=$(printf '%s' "$1" | grep -oE "\"$2\":(\"([^\"\\\\]|\\\\.)*\"|[0-9]+)" | head -n1 | cut -d: -f2-) || true
    value=${value#\"}; value=${value%\"}
    value=${value//\\\"/\"}
    printf '%s' "$value"
}

# SHA-256 (hex) of the certificate in PEM file $1, DER-encoded: what the bot pins
certificate_sha256() {
    openssl x509 -in "$1" -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1
}

# SHA-256 (hex) of the public key of the certificate in PEM file $1: survives renewals that keep the key
public_key_sha256() {
    openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1
}

# SHA-256 of the certificate the panel at URL $1 presents
served_certificate_sha256() {
    local hostport rest host port
    rest=${1#https://}; hostport=${rest%%/*}
    if [[ "$hostport" == *:* ]]; then host=${hostport%:*}; port=${hostport##*:}; else host=$hostport; port=443; fi
    openssl s_client -connect "$host:$port" -servername "$host" </dev/null 2>/dev/null \
        | openssl x509 -outform DER 2>/dev/null | openssl dgst -sha256 -r | cut -d' ' -f1
}

require_root() { [[ $(id -u) -eq 0 ]] || fail "installing needs root (or use --skip-install against a running panel)"; }

# --- installing -------------------------------------------------------------------------------
load_or_create_login() { # keeps the first run's login, path and port: running again changes nothing
    local env_file="$STATE_DIR/panel.env"
    if [[ -f "$env_file" ]]; then
        # shellcheck disable=SC1090 # written by this script, mode 600
        . "$env_file"
        say "keeping the panel login, path and port from $env_file"
        return
    fi
    XUI_USERNAME="u$(random_text 9)"
    XUI_PASSWORD="$(random_text 24)"
    XUI_WEB_BASE_PATH="/$(random_text 18)/"
    XUI_PANEL_PORT="${PANEL_PORT:-$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))}"
    {
        printf 'XUI_USERNAME=%q\n' "$XUI_USERNAME"
        printf 'XUI_PASSWORD=%q\n' "$XUI_PASSWORD"
        printf 'XUI_WEB_BASE_PATH=%q\n' "$XUI_WEB_BASE_PATH"
        printf 'XUI_PANEL_PORT=%q\n' "$XUI_PANEL_PORT"
    } > "$env_file"
    chmod 600 "$env_file"
    say "new panel login, path and port written to $env_file (root only)"
}

make_certificate() {
    mkdir -p "$STATE_DIR/cert"
    if [[ -n "$DOMAIN" ]]; then
        command -v certbot >/dev/null 2>&1 || apt-get install -y -qq certbot >/dev/null
        # the key is reused at every renewal, so the pin (the public key's SHA-256) stays valid
        local contact=(--register-unsafely-without-email)
        [[ -n "$EMAIL" ]] && contact=(-m "$EMAIL")
        certbot certonly --standalone --non-interactive --agree-tos --reuse-key --keep-until-expiring "${contact[@]}" -d "$DOMAIN" >/dev/null
        install -m 600 "/etc/letsencrypt/live/$DOMAIN/fullchain.pem" "$STATE_DIR/cert/panel.crt"
        install -m 600 "/etc/letsencrypt/live/$DOMAIN/privkey.pem" "$STATE_DIR/cert/panel.key"
        PIN=$(public_key_sha256 "$STATE_DIR/cert/panel.crt")
        return
    fi
    if [[ ! -f "$STATE_DIR/cert/panel.crt" ]]; then
        local san="DNS:$PUBLIC_HOST"
        [[ "$PUBLIC_HOST" =~ ^[0-9.]+$ || "$PUBLIC_HOST" == *:* ]] && san="IP:$PUBLIC_HOST"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
            -subj "/CN=$PUBLIC_HOST" -addext "subjectAltName=$san" \
            -keyout "$STATE_DIR/cert/panel.key" -out "$STATE_DIR/cert/panel.crt" 2>/dev/null
        chmod 600 "$STATE_DIR/cert/panel.key"
        say "self-signed panel certificate made for $PUBLIC_HOST"
    fi
    PIN=$(certificate_sha256 "$STATE_DIR/cert/panel.crt")
}

xui() { # the panel's own setting tool, in its container or on the host
    if [[ $NO_DOCKER -eq 1 ]]; then
        /usr/local/x-ui/x-ui "$@"
    else
        docker compose --project-directory "$STATE_DIR" -f "$STATE_DIR/docker-compose.yml" exec -T 3xui /app/x-ui "$@"
    fi
}

install_panel() {
    if [[ $NO_DOCKER -eq 1 ]]; then
        if [[ ! -x /usr/local/x-ui/x-ui ]]; then
            local script="$STATE_DIR/3x-ui-install.sh"
            curl -fsSL "https://raw.githubusercontent.com/MHSanaei/3x-ui/$XUI_VERSION/install.sh" -o "$script"
            # its output shows the login it set: it goes nowhere
            XUI_NONINTERACTIVE=1 XUI_SSL_MODE=none XUI_USERNAME="$XUI_USERNAME" XUI_PASSWORD="$XUI_PASSWORD" \
                XUI_WEB_BASE_PATH="${XUI_WEB_BASE_PATH//\//}" XUI_PANEL_PORT="$XUI_PANEL_PORT" \
                bash "$script" "$XUI_VERSION" </dev/null >/dev/null 2>&1 || fail "3x-ui's install script failed"
        fi
    else
        if ! command -v docker >/dev/null 2>&1 || ! docker compose version >/dev/null 2>&1; then
            say "installing Docker (get.docker.com)"
            curl -fsSL https://get.docker.com | sh >/dev/null 2>&1 || fail "Docker could not be installed"
        fi
        compose_file > "$STATE_DIR/docker-compose.yml"
        printf 'XUI_IMAGE=%s\n' "ghcr.io/mhsanaei/3x-ui:$XUI_VERSION" > "$STATE_DIR/.env"
        docker compose --project-directory "$STATE_DIR" -f "$STATE_DIR/docker-compose.yml" up -d --quiet-pull >/dev/null
    fi
    local deadline=$((SECONDS + 120))
    until xui setting -show true >/dev/null 2>&1; do
        [[ $SECONDS -lt $deadline ]] || fail "the panel did not start within 2 minutes"
        sleep 2
    done
    xui setting -username "$XUI_USERNAME" -password "$XUI_PASSWORD" -port "$XUI_PANEL_PORT" \
        -webBasePath "$XUI_WEB_BASE_PATH" >/dev/null
    local cert_dir="/root/cert"
    [[ $NO_DOCKER -eq 1 ]] && cert_dir="$STATE_DIR/cert"
    xui cert -webCert "$cert_dir/panel.crt" -webCertKey "$cert_dir/panel.key" >/dev/null
    if [[ $NO_DOCKER -eq 1 ]]; then
        systemctl restart x-ui
    else
        docker compose --project-directory "$STATE_DIR" -f "$STATE_DIR/docker-compose.yml" restart 3xui >/dev/null
    fi
    say "3x-ui $XUI_VERSION runs on port $XUI_PANEL_PORT with a random login and web base path"
}

open_firewall() {
    command -v ufw >/dev/null 2>&1 || apt-get install -y -qq ufw >/dev/null
    local ssh_port
    ssh_port=$(sshd -T 2>/dev/null | awk '$1 == "port" {print $2; exit}') || true
    ufw allow "${ssh_port:-22}/tcp" >/dev/null
    ufw allow "$INBOUND_PORT/tcp" >/dev/null
    if [[ -n "$BOT_IP" ]]; then
        ufw allow from "$BOT_IP" to any port "$XUI_PANEL_PORT" proto tcp >/dev/null
    else
        ufw allow "$XUI_PANEL_PORT/tcp" >/dev/null
        say "warning: the panel port is open to everyone; give --bot-ip to allow only the bot"
    fi
    [[ -n "$DOMAIN" ]] && ufw allow 80/tcp >/dev/null # Let's Encrypt renewals
    ufw --force enable >/dev/null
    say "firewall: SSH, port $INBOUND_PORT and the panel port are open, nothing else"
}

install_node() {
    require_root
    mkdir -p "$STATE_DIR"; chmod 700 "$STATE_DIR"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq curl openssl ca-certificates >/dev/null
    if [[ -z "$PUBLIC_HOST" ]]; then PUBLIC_HOST=${DOMAIN:-$(hostname -I | awk '{print $1}')}; fi
    [[ -n "$PUBLIC_HOST" ]] || fail "cannot tell this host's address: give --public-host"
    load_or_create_login
    make_certificate
    install_panel
    open_firewall
    local host=$PUBLIC_HOST
    [[ "$host" == *:* ]] && host="[$host]"
    PANEL_URL="https://$host:$XUI_PANEL_PORT$XUI_WEB_BASE_PATH"
    PANEL_USERNAME=$XUI_USERNAME
    PANEL_PASSWORD=$XUI_PASSWORD
}

# --- the panel's API token ----------------------------------------------------------------------
# 3x-ui makes API tokens on its settings page (v3.0.2+), and from v3.3.0 that page is under the API:
# POST {panel}panel/api/setting/apiTokens/create after a login with the CSRF token (GET
# {panel}csrf-token) (MHSanaei/3x-ui@v3.6.0:internal/web/controller/setting.go#L74-L77, api.go#L106).
# The bot then calls the panel with "Authorization: Bearer <token>" (api.go#L49-L58) and never holds
# the admin password. Older panels answer 404 there and the bot gets the password: before v3.0.2 there
# are no tokens, and on v3.0.2 - v3.2.x the settings page (the subscription address the bot reads) is
# outside the API and answers sessions only (v3.2.8:web/controller/xui.go#L31-L53).

panel_call() { # $1 method, $2 route under the panel URL, stdin: JSON body (POST); prints the answer, "" on failure
    local args=(-sS -k --max-time 20 -b "$COOKIES" -c "$COOKIES" -H 'X-Requested-With: XMLHttpRequest' -o - -w '\n%{http_code}')
    [[ -n "${CSRF:-}" ]] && args+=(-H "X-CSRF-Token: $CSRF")
    if [[ "$1" == POST ]]; then
        args+=(-H 'Content-Type: application/json' --data-binary @-)
    fi
    local out code
    out=$(curl "${args[@]}" "$PANEL_URL$2" 2>/dev/null) || { printf ''; return 0; }
    code=${out##*$'\n'}
    [[ "$code" == 200 ]] && printf '%s' "${out%$'\n'*}"
    return 0
}

create_api_token() { # sets PANEL_API_TOKEN when the panel makes one; the password stays the fallback
    local saved="$STATE_DIR/panel-token.env"
    if [[ -f "$saved" ]]; then
        local TOKEN_PANEL_URL="" TOKEN_VALUE=""
        # shellcheck disable=SC1090 # written by this script, mode 600
        . "$saved"
        if [[ "$TOKEN_PANEL_URL" == "$PANEL_URL" && -n "$TOKEN_VALUE" ]]; then
            PANEL_API_TOKEN=$TOKEN_VALUE
            say "keeping the panel's API token from $saved"
            return
        fi
    fi
    local served
    served=$(served_certificate_sha256 "$PANEL_URL" || true)
    if [[ "${served,,}" != "$(printf '%s' "${PIN//:/}" | tr 'A-F' 'a-f')" ]]; then
        say "the panel's certificate is not the one to pin: no login sent to it, the bot gets the password"
        return
    fi
    COOKIES=$(mktemp); CSRF=""
    local answer
    answer=$(panel_call GET csrf-token </dev/null)
    CSRF=$(json_field "$answer" obj)
    if [[ -z "$CSRF" ]]; then
        rm -f "$COOKIES"
        say "the panel is older than 3x-ui v3.0 (no API tokens): the bot gets the password"
        return
    fi
    local login
    login="{\"username\":$(json_string "$PANEL_USERNAME"),\"password\":$(json_string "$PANEL_PASSWORD")"
    [[ -n "${PANEL_TWO_FACTOR_CODE:-}" ]] && login+=",\"twoFactorCode\":$(json_string "$PANEL_TWO_FACTOR_CODE")"
    answer=$(panel_call POST login <<<"$login}")
    if [[ "$answer" != *'"success":true'* ]]; then
        rm -f "$COOKIES"
        say "the panel refused the login: no API token, the bot gets the password"
        return
    fi
    local name body
    name="vpnbot-$(random_text 8)" # names are unique per panel (api_token.go#L69-L74)
    body="{\"name\":$(json_string "$name")}"
    answer=$(panel_call POST panel/api/setting/apiTokens/create <<<"$body")
    rm -f "$COOKIES"
    PANEL_API_TOKEN=$(json_field "$answer" token)
    if [[ -z "$PANEL_API_TOKEN" ]]; then
        say "the panel has no API tokens for all the bot needs (3x-ui before v3.3.0): the bot gets the password"
        return
    fi
    { printf 'TOKEN_PANEL_URL=%q\n' "$PANEL_URL"; printf 'TOKEN_VALUE=%q\n' "$PANEL_API_TOKEN"; } > "$saved"
    chmod 600 "$saved"
    say "created the panel's API token \"$name\" (kept in $saved): the bot gets the token, not the password"
}

# --- enrolling --------------------------------------------------------------------------------
enroll() {
    local marker="$STATE_DIR/enrolled"
    if [[ -f "$marker" ]]; then
        say "already enrolled: $(cat "$marker")"
        return 0
    fi
    if [[ -z "${PIN:-}" ]]; then
        PIN=${CERT_SHA256:-$(served_certificate_sha256 "$PANEL_URL")}
    fi
    [[ "$PIN" =~ ^[0-9a-fA-F:]{64,95}$ ]] || fail "could not read the panel's certificate at $PANEL_URL (give --cert-sha256)"
    if [[ -z "${PANEL_API_TOKEN:-}" && $NO_API_TOKEN -eq 0 ]]; then create_api_token; fi
    local login
    if [[ -n "${PANEL_API_TOKEN:-}" ]]; then
        login="\"apiToken\":$(json_string "$PANEL_API_TOKEN")"
    else
        login="\"username\":$(json_string "$PANEL_USERNAME"),\"password\":$(json_string "$PANEL_PASSWORD")"
    fi
    local body
    body="{\"token\":$(json_string "$VPNBOT_ENROLL_TOKEN"),\"panelUrl\":$(json_string "$PANEL_URL"),$login"
    body+=",\"certSha256\":$(json_string "$PIN"),\"inboundPort\":$INBOUND_PORT,\"sni\":$(json_string "$SNI")"
    [[ -n "$NAME" ]] && body+=",\"name\":$(json_string "$NAME")"
    body+="}"
    say "enrolling $PANEL_URL with $BOT_URL (certificate SHA-256 $PIN)"
    local answer_file status answer
    answer_file=$(mktemp)
    # the body, with the token and the password, goes through stdin: never on a command line
    status=$(curl -sS --max-time 120 -o "$answer_file" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @- "$BOT_URL/nodes/enroll" <<<"$body") || { rm -f "$answer_file"; fail "the bot at $BOT_URL did not answer"; }
    answer=$(cat "$answer_file"); rm -f "$answer_file"
    if [[ "$status" == "201" ]]; then
        local summary
        summary="server $(json_field "$answer" serverId) \"$(json_field "$answer" name)\", inbound $(json_field "$answer" inboundId)"
        mkdir -p "$STATE_DIR" && printf '%s\n' "$summary" > "$marker"
        say "enrolled: $summary; the bot sells keys on it now"
        return 0
    fi
    printf 'refused by the bot (HTTP %s, %s): %s\n' "$status" "$(json_field "$answer" reason)" "$(json_field "$answer" message)" >&2
    exit 3
}

if [[ $SKIP_INSTALL -eq 0 ]]; then
    install_node
else
    mkdir -p "$STATE_DIR"
fi
enroll
