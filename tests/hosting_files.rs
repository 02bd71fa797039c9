//! The files that tell static hosts how to serve the site agree with each other and with
//! what the build produces.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use clinic_build::static_host::header_rules;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// The header lines of the `_headers` rule for `pattern`, read as the test server reads them.
fn rule(headers: &str, pattern: &str) -> Vec<String> {
    header_rules(headers)
        .into_iter()
        .find(|rule| rule.pattern == pattern)
        .map(|rule| rule.lines)
        .unwrap_or_default()
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
fn hashed_assets_are_immutable_the_service_worker_is_never_stale_and_nothing_else_is_set() {
    let headers = read("public/_headers");
    assert!(rule(&headers, "/assets/*")
        .contains(&"Cache-Control: public, max-age=31536000, immutable".to_string()));
    assert_eq!(
        rule(&headers, "/service-worker.js"),
        ["Cache-Control: no-cache"]
    );
    let all = rule(&headers, "/*");
    // Cloudflare Pages joins a header's values across matching rules: caching under /*
    // would be joined with the rules above. Both hosts revalidate everything else anyway.
    assert!(
        !all.iter().any(|line| line.starts_with("Cache-Control")),
        "{all:?}"
    );
    assert!(all.contains(&"X-Content-Type-Options: nosniff".to_string()));
    assert!(all.iter().any(|line| line.starts_with("Referrer-Policy: ")));
    // nginx sends the same Permissions-Policy: the device's powerful features, none used.
    let permissions = all
        .iter()
        .find_map(|line| line.strip_prefix("Permissions-Policy: "))
        .expect("a Permissions-Policy");
    assert!(permissions.contains("camera=()") && permissions.contains("geolocation=()"));
    assert!(read("deploy/security-headers.conf").contains(&format!(
        "add_header Permissions-Policy \"{permissions}\" always;"
    )));
    let index = read("index.html");
    assert_eq!(
        index.matches("data-target-path=\"assets\"").count(),
        3,
        "the wasm and glue of the app's two programs and of the search worker are built into \
         assets/"
    );
}

#[test]
fn the_policy_allows_only_the_site_and_its_wasm_and_nginx_ships_the_same() {
    let headers = read("public/_headers");
    let lines = rule(&headers, "/*");
    let policy = lines
        .iter()
        .find(|line| line.starts_with("Content-Security-Policy:"))
        .map(|line| csp_of(line))
        .expect("a Content-Security-Policy");
    assert!(policy.contains("default-src 'self'"));
    assert!(policy.contains(SCRIPT_SRC));
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
fn nginx_serves_the_service_worker_uncached_with_the_security_headers() {
    let nginx = read("deploy/nginx.conf");
    let block = nginx
        .split("location = /service-worker.js {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("a location for /service-worker.js");
    assert!(
        block.contains("add_header Cache-Control \"no-cache\";"),
        "{block}"
    );
    assert!(
        block.contains("include snippets/clinic-security-headers.conf;"),
        "{block}"
    );
}

/// Every page is a file of its own (an article's is `articles/<slug>/index.html`), which every
/// host serves at its address: no host needs a rewrite rule, and unknown addresses get the
/// not-found page with a 404 status.
#[test]
fn no_host_needs_a_rewrite_and_unknown_addresses_get_404_html() {
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/_redirects")
            .exists(),
        "Netlify and Cloudflare Pages serve each page's file as it is"
    );
    let nginx = read("deploy/nginx.conf");
    assert!(
        !nginx.contains("location /articles/"),
        "no route of its own"
    );
    assert!(
        nginx.contains("try_files $uri $uri/ =404;"),
        "each page's file"
    );
    assert!(
        nginx.contains("error_page 404 /404.html;"),
        "the not-found page"
    );
}

/// Netlify and GitHub Pages build with the README's command and publish what it writes.
#[test]
fn netlify_and_github_pages_build_with_the_readmes_command() {
    let netlify = read("netlify.toml");
    assert!(
        netlify.contains("command = \"tools/dev.sh build\""),
        "{netlify}"
    );
    assert!(netlify.contains("publish = \"dist\""), "{netlify}");
    let workflow = read(".github/workflows/pages.yml");
    assert!(
        workflow.contains("run: tools/dev.sh build --public-url"),
        "{workflow}"
    );
    assert!(workflow.contains("path: dist"), "{workflow}");
    let readme = read("README.md");
    assert!(
        readme.contains("tools/dev.sh build"),
        "the README's command"
    );
}

/// Every kind of file the site publishes has its type in nginx's `types` block: behind
/// `nosniff`, a file served without one is not used (a PNG sharing card, a JPEG photo).
#[test]
fn nginx_names_the_type_of_every_kind_of_file_the_site_publishes() {
    fn extensions(folder: &Path, found: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(folder).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                extensions(&path, found);
            } else if let Some(extension) = path.extension() {
                found.insert(extension.to_string_lossy().to_lowercase());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut published = std::collections::BTreeSet::new();
    extensions(&root.join("public"), &mut published);
    extensions(&root.join("tests/fixtures/images"), &mut published);
    // What the build adds, and the image kinds an editor may bring.
    for built in [
        "html", "js", "wasm", "json", "xml", "txt", "png", "jpg", "jpeg", "webp", "gif",
    ] {
        published.insert(built.to_string());
    }
    published.remove("md");
    let nginx = read("deploy/nginx.conf");
    let types = nginx
        .split("types {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("a types block");
    let named: Vec<&str> = types
        .lines()
        .flat_map(|line| line.trim().trim_end_matches(';').split_whitespace().skip(1))
        .collect();
    let missing: Vec<&String> = published
        .iter()
        .filter(|extension| !named.contains(&extension.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "no type in deploy/nginx.conf for {missing:?}"
    );
}
