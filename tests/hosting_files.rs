//! The files that tell static hosts how to serve the site agree with each other and with
//! what the build produces.

use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The header lines of the `_headers` rule for `pattern`.
fn rule<'a>(headers: &'a str, pattern: &str) -> Vec<&'a str> {
    headers
        .lines()
        .skip_while(|line| line.trim() != pattern)
        .skip(1)
        .take_while(|line| line.starts_with(char::is_whitespace) && !line.trim().is_empty())
        .map(str::trim)
        .collect()
}

fn csp_of(line: &str) -> &str {
    line.split_once("Content-Security-Policy")
        .map(|(_, rest)| {
            rest.trim_start_matches([':', ' '])
                .trim_end_matches([';', ' '])
        })
        .map(|policy| {
            policy
                .split(" always")
                .next()
                .unwrap_or(policy)
                .trim_matches('"')
        })
        .unwrap_or("")
}

#[test]
fn hashed_assets_are_immutable_and_everything_else_revalidates() {
    let headers = read("public/_headers");
    assert!(
        rule(&headers, "/assets/*").contains(&"Cache-Control: public, max-age=31536000, immutable")
    );
    let all = rule(&headers, "/*");
    assert!(all.contains(&"Cache-Control: public, max-age=0, must-revalidate"));
    assert!(all.contains(&"X-Content-Type-Options: nosniff"));
    assert!(all.iter().any(|line| line.starts_with("Referrer-Policy: ")));
    let index = read("index.html");
    assert_eq!(
        index.matches("data-target-path=\"assets\"").count(),
        2,
        "the wasm, its glue and the CSS are built into assets/"
    );
}

#[test]
fn the_policy_allows_only_the_site_and_its_wasm_and_nginx_ships_the_same() {
    let headers = read("public/_headers");
    let policy = rule(&headers, "/*")
        .into_iter()
        .find(|line| line.starts_with("Content-Security-Policy:"))
        .map(csp_of)
        .expect("a Content-Security-Policy");
    assert!(policy.contains("default-src 'self'"));
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("*"),
        "{policy}"
    );
    let nginx = read("deploy/security-headers.conf");
    let nginx_policy = nginx
        .lines()
        .find(|line| line.contains("Content-Security-Policy"))
        .map(csp_of)
        .expect("nginx policy");
    assert_eq!(
        nginx_policy, policy,
        "deploy/security-headers.conf and public/_headers agree"
    );
}

#[test]
fn netlify_serves_article_addresses_with_the_app() {
    let redirects = read("public/_redirects");
    assert!(redirects
        .lines()
        .any(|line| line.split_whitespace().collect::<Vec<_>>()
            == ["/articles/*", "/index.html", "200"]));
    let trunk = read("Trunk.toml");
    assert!(trunk.contains("404.html"), "every build ships 404.html");
}
