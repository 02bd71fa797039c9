//! A built site served as static hosts serve it, for the browser tests and the benchmark (the
//! `serve` binary): a folder's address answers its `index.html` (and its address without the
//! final `/` is redirected there), an unknown address gets `404.html` with status 404 (or
//! `index.html`, as a host set up for a single-page app answers), and every answer carries the
//! headers the site's `_headers` file asks of Netlify and Cloudflare Pages, caching included
//! (and a `! Name` line removing an earlier rule's header, as Cloudflare Pages reads it).
//! `_headers` is read here, and only here; so is `_redirects`, whose rules (`from to`, exact
//! paths) are followed before any file, as Cloudflare Pages follows them.

use std::io::Write;
use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

use crate::redirects::REDIRECTS_RULES_FILE;

/// One rule of a `_headers` file: a path pattern (a trailing `*` matches any rest) and its
/// `Name: value` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRule {
    pub pattern: String,
    pub lines: Vec<String>,
}

/// The rules of a `_headers` file: a pattern on its own line, then its indented header lines.
pub fn header_rules(text: &str) -> Vec<HeaderRule> {
    let mut rules: Vec<HeaderRule> = Vec::new();
    let meaningful = |line: &&str| !line.trim().is_empty() && !line.trim_start().starts_with('#');
    for line in text.lines().filter(meaningful) {
        if line.starts_with(char::is_whitespace) {
            if let Some(rule) = rules.last_mut() {
                rule.lines.push(line.trim().to_string());
            }
        } else {
            rules.push(HeaderRule {
                pattern: line.trim().to_string(),
                lines: Vec::new(),
            });
        }
    }
    rules
}

impl HeaderRule {
    pub fn matches(&self, path: &str) -> bool {
        match self.pattern.strip_suffix('*') {
            Some(start) => path.starts_with(start),
            None => path == self.pattern,
        }
    }
}

/// How a host answers an address with no file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// `index.html` for paths without a file extension, as a host set up for a single-page
    /// app answers (an nginx `try_files`, a Netlify rewrite).
    Index,
    /// `404.html` with status 404, as GitHub Pages, Netlify and Cloudflare Pages answer.
    NotFoundPage,
}

/// A built site in `root`, published under `prefix` (`/`, or a sub-path such as `/clinic/`).
#[derive(Debug, Clone)]
pub struct StaticSite {
    pub root: PathBuf,
    pub prefix: String,
    pub unknown: Unknown,
    rules: Vec<HeaderRule>,
    /// Each `_redirects` rule's path and where it leads, the path decoded.
    redirects: Vec<(String, String)>,
}

/// The rules of a `_redirects` file: `from to [status]` per line, `from` an exact path.
fn redirect_rules(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(
            |line| match line.split_whitespace().collect::<Vec<_>>().as_slice() {
                [from, to] | [from, to, _] => Some((decoded(from), to.to_string())),
                _ => None,
            },
        )
        .collect()
}

/// A path with its percent-escapes decoded, as hosts match it.
fn decoded(path: &str) -> String {
    percent_decode_str(path).decode_utf8_lossy().into_owned()
}

/// Whether `relative` names a file inside the site, as a CDN reads an address: no absolute
/// path (`//etc/passwd`), no `..` or `.`, no backslash, and no separator or dot written as
/// `%2f`, `%5c` or `%2e`, which would let a decoding step climb out of the site.
fn inside_the_site(relative: &str) -> bool {
    let lower = relative.to_ascii_lowercase();
    !relative.contains('\\')
        && !["%2f", "%5c", "%2e", "%00"]
            .iter()
            .any(|encoded| lower.contains(encoded))
        && Path::new(relative)
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)))
        && !relative.starts_with('/')
}

/// The status of a redirect to a folder's address.
pub const MOVED: u16 = 301;

/// An answer: its status, headers and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<String>,
    pub body: Vec<u8>,
}

impl StaticSite {
    pub fn new(root: &Path, prefix: &str, unknown: Unknown) -> StaticSite {
        let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap_or_default();
        StaticSite {
            root: root.to_path_buf(),
            prefix: prefix.to_string(),
            unknown,
            rules: header_rules(&read("_headers")),
            redirects: redirect_rules(&read(REDIRECTS_RULES_FILE)),
        }
    }

    /// Where a `_redirects` rule leads `path`, if one matches it.
    fn moved_to(&self, path: &str) -> Option<&str> {
        let path = decoded(path);
        self.redirects
            .iter()
            .find(|(from, _)| *from == path)
            .map(|(_, to)| to.as_str())
    }

    /// The file a host answers `path` with, and the status.
    pub fn file(&self, path: &str) -> (u16, Option<PathBuf>) {
        if self.moved_to(path).is_some() {
            return (MOVED, None);
        }
        let not_found = || match self.unknown {
            Unknown::NotFoundPage => (404, Some(self.root.join("404.html"))),
            Unknown::Index => (404, None),
        };
        let Some(relative) = path.strip_prefix(&self.prefix) else {
            return not_found();
        };
        if !inside_the_site(relative) {
            return not_found();
        }
        let relative = &decoded(relative);
        let file = self.root.join(relative);
        if file.is_file() {
            return (200, Some(file));
        }
        if file.join("index.html").is_file() {
            if !relative.is_empty() && !relative.ends_with('/') {
                return (MOVED, None);
            }
            return (200, Some(file.join("index.html")));
        }
        let last = relative.rsplit('/').next().unwrap_or("");
        if self.unknown == Unknown::Index && !last.contains('.') {
            return (200, Some(self.root.join("index.html")));
        }
        not_found()
    }

    /// The answer for `path`: the file's (see [`StaticSite::file`]), with its headers.
    pub fn answer(&self, path: &str) -> Answer {
        let (status, file) = self.file(path);
        let body = file
            .and_then(|file| std::fs::read(file).ok())
            .unwrap_or_else(|| match status {
                MOVED => Vec::new(),
                _ => b"not found".to_vec(),
            });
        self.with_headers(path, status, body)
    }

    /// `body` answered for `path` with `status`, with the headers a host sends for it.
    pub fn with_headers(&self, path: &str, status: u16, body: Vec<u8>) -> Answer {
        let site_path = format!("/{}", path.strip_prefix(&self.prefix).unwrap_or(""));
        let is_caching = |line: &str| line.to_ascii_lowercase().starts_with("cache-control");
        // Each matching rule's lines in turn; `! Name` drops the lines of that name an earlier
        // rule set, as Cloudflare Pages does.
        let mut matching: Vec<&String> = Vec::new();
        for line in self
            .rules
            .iter()
            .filter(|rule| rule.matches(&site_path))
            .flat_map(|rule| &rule.lines)
        {
            match line.strip_prefix('!') {
                Some(name) => {
                    let name = format!("{}:", name.trim().to_ascii_lowercase());
                    matching.retain(|earlier| !earlier.to_ascii_lowercase().starts_with(&name));
                }
                None => matching.push(line),
            }
        }
        let mut headers = vec![format!("Content-Type: {}", content_type(path, status))];
        // The caching a host sends for this path: the most specific (last) matching rule's.
        headers.push(
            matching
                .iter()
                .rfind(|line| is_caching(line))
                .map_or("Cache-Control: no-cache".to_string(), |line| {
                    line.to_string()
                }),
        );
        headers.extend(
            matching
                .into_iter()
                .filter(|line| !is_caching(line))
                .cloned(),
        );
        if status == MOVED {
            let to = self
                .moved_to(path)
                .map_or_else(|| format!("{path}/"), str::to_string);
            headers.push(format!("Location: {to}"));
        }
        Answer {
            status,
            headers,
            body,
        }
    }
}

/// The Content-Type of each kind of file a build holds; the wasm must be `application/wasm` to
/// compile while it downloads. An error page is HTML.
pub fn content_type(path: &str, status: u16) -> &'static str {
    let extension = path.rsplit('.').next().unwrap_or("");
    match extension {
        _ if status != 200 => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain",
        "xml" => "application/xml",
        // The editors' page's configuration.
        "yml" => "text/yaml; charset=utf-8",
        "bin" => "application/octet-stream",
        _ => "text/html; charset=utf-8",
    }
}

/// The path of an HTTP request line's target, without its query or fragment.
pub fn request_path(request_line: &str) -> String {
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    target.split(['?', '#']).next().unwrap_or("/").to_string()
}

/// Writes `answer` as an HTTP/1.1 response that closes the connection.
pub fn write_answer(mut stream: impl Write, answer: &Answer) -> std::io::Result<()> {
    let reason = match answer.status {
        200 => "OK",
        304 => "Not Modified",
        MOVED => "Moved Permanently",
        404 => "Not Found",
        _ => "Error",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", answer.status);
    for line in &answer.headers {
        head.push_str(line);
        head.push_str("\r\n");
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        answer.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    stream.write_all(&answer.body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_take_their_indented_lines_and_skip_comments() {
        let rules = header_rules("# caching\n/*\n  A: 1\n\n  B: 2\n/assets/*\n  C: 3\n");
        assert_eq!(rules.len(), 2);
        assert_eq!(rules[0].lines, vec!["A: 1", "B: 2"]);
        assert!(rules[1].matches("/assets/app.wasm") && !rules[1].matches("/index.html"));
    }

    #[test]
    fn a_later_rule_removes_an_earlier_rules_header_with_an_exclamation_mark() {
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::write(
            folder.path().join("_headers"),
            "/*\n  Policy: strict\n  Other: kept\n/admin/*\n  ! policy\n  Policy: its own\n",
        )
        .expect("write");
        let site = StaticSite::new(folder.path(), "/", Unknown::NotFoundPage);
        let headers = |path: &str| site.with_headers(path, 200, Vec::new()).headers;
        let admin = headers("/admin/index.html");
        assert!(admin.contains(&"Policy: its own".to_string()), "{admin:?}");
        assert!(!admin.contains(&"Policy: strict".to_string()), "{admin:?}");
        assert!(admin.contains(&"Other: kept".to_string()), "{admin:?}");
        assert!(headers("/index.html").contains(&"Policy: strict".to_string()));
    }

    #[test]
    fn a_redirect_rule_is_followed_before_any_file_and_paths_are_decoded() {
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::create_dir_all(folder.path().join("über")).expect("a folder");
        std::fs::write(folder.path().join("über/index.html"), "pointer").expect("write");
        std::fs::create_dir_all(folder.path().join("old")).expect("a folder");
        std::fs::write(folder.path().join("old/index.html"), "pointer").expect("write");
        std::fs::write(
            folder.path().join(REDIRECTS_RULES_FILE),
            "# comment\n/old/ /articles/new/ 301\n/%C3%BCber/ /articles/uber/ 301\n/a b c d\n",
        )
        .expect("write");
        let site = StaticSite::new(folder.path(), "/", Unknown::NotFoundPage);
        for (path, to) in [
            ("/old/", "/articles/new/"),
            ("/%c3%bcber/", "/articles/uber/"),
        ] {
            let answer = site.answer(path);
            assert_eq!(answer.status, MOVED, "{path}");
            assert!(
                answer.headers.contains(&format!("Location: {to}")),
                "{path}"
            );
        }
        std::fs::remove_file(folder.path().join(REDIRECTS_RULES_FILE)).expect("remove");
        let without = StaticSite::new(folder.path(), "/", Unknown::NotFoundPage);
        assert_eq!(
            without.answer("/%C3%BCber/").body,
            b"pointer",
            "a decoded path's file"
        );
    }

    #[test]
    fn no_address_reaches_outside_the_site() {
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::write(folder.path().join("index.html"), "home").expect("write");
        std::fs::write(folder.path().join("404.html"), "not found").expect("write");
        let site = StaticSite::new(folder.path(), "/", Unknown::NotFoundPage);
        assert_eq!(site.file("/").0, 200);
        for outside in [
            "//etc/passwd",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc%2fpasswd",
            "/..\\..\\etc\\passwd",
            "/./index.html",
        ] {
            assert_eq!(
                site.file(outside),
                (404, Some(folder.path().join("404.html"))),
                "{outside}"
            );
        }
    }
}
