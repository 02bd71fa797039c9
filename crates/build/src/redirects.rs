//! An article's old addresses (its `old_addresses`: where it was on the blog it came from, or
//! before its slug changed) lead to it on every host the README names: a rule each in
//! `_redirects` (Netlify, Cloudflare Pages) and in `redirects.map` (nginx, which
//! `deploy/nginx.conf` reads), and, for hosts without redirects (GitHub Pages), a small page
//! at each old path that points on. An old address with a query (`/?p=101`), which every host
//! answers with the home page, is listed in `redirects.json`, which `boot.js` follows.

use std::collections::BTreeMap;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use clinic_app::contract::REDIRECTS_FILE;
use clinic_app::pages::head::escape_html;
use clinic_content::model::{article_path, Article, SiteSettings};

/// Netlify's and Cloudflare Pages' redirects, which a clinic may write rules into too.
pub const REDIRECTS_RULES_FILE: &str = "_redirects";
/// nginx's: one `"old" "new";` line each, for the `map` in `deploy/nginx.conf`.
pub const NGINX_MAP_FILE: &str = "redirects.map";
const RULES_HEADING: &str =
    "# The old addresses of the articles (their old_addresses), written by the build:";

/// The files that lead each old address of `articles` to its article, for a site published
/// at `base` (`/`, or a sub-path such as `/clinic/`): `existing_rules` is the site's
/// `_redirects` as it is, whose clinic's own rules are kept first (the rules a previous run
/// on the same folder wrote are replaced); the pointer pages come with their paths.
pub fn redirect_files(
    articles: &[&Article],
    site: &SiteSettings,
    base: &str,
    existing_rules: &str,
) -> Vec<(String, Vec<u8>)> {
    let clinic_rules = existing_rules
        .split(RULES_HEADING)
        .next()
        .unwrap_or_default();
    let mut rules = String::new();
    if !clinic_rules.trim().is_empty() {
        rules.push_str(clinic_rules.trim_end());
        rules.push_str("\n\n");
    }
    let mut map = String::from("# Old addresses of articles, for deploy/nginx.conf's map.\n");
    let mut queries = BTreeMap::new();
    let mut pages = Vec::new();
    let mut any = false;
    for article in articles {
        let to = format!("{base}{}", article_path(&article.slug));
        for old in &article.old_addresses {
            let relative = old.trim_start_matches('/');
            map.push_str(&format!(
                "{} {};\n",
                quoted(&format!("{base}{relative}")),
                quoted(&to)
            ));
            if relative.contains('?') {
                queries.insert(old.clone(), to.clone());
                continue;
            }
            if !any {
                rules.push_str(RULES_HEADING);
                rules.push('\n');
                any = true;
            }
            rules.push_str(&format!(
                "{} {to} 301\n",
                encoded(&format!("{base}{relative}"))
            ));
            let folder = if relative.is_empty() || relative.ends_with('/') {
                relative.to_string()
            } else {
                format!("{relative}/")
            };
            pages.push((
                format!("{folder}index.html"),
                pointer_page(&article.title, &to, &site.article_url(&article.slug)).into_bytes(),
            ));
        }
    }
    let mut files = vec![
        (REDIRECTS_RULES_FILE.to_string(), rules.into_bytes()),
        (NGINX_MAP_FILE.to_string(), map.into_bytes()),
    ];
    // Always there, so that boot.js, which asks for it on every address with a query, is
    // never answered "not found".
    let json = serde_json::to_string(&queries).unwrap_or_default();
    files.push((REDIRECTS_FILE.to_string(), json.into_bytes()));
    files.extend(pages);
    files
}

/// A page at an old address that points on to the article: at once (an immediate refresh,
/// which search engines read as a permanent move), and with a link for anyone it does not take.
fn pointer_page(title: &str, to: &str, canonical: &str) -> String {
    let title = escape_html(title);
    let (to, canonical) = (escape_html(to), escape_html(canonical));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}: this article has moved</title>\n\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n\
         <main>\n<h1>This article has moved</h1>\n<p><a href=\"{to}\">{title}</a></p>\n</main>\n\
         </body>\n</html>\n"
    )
}

/// A path as browsers send it: what is not ASCII, spaces too, percent-encoded.
fn encoded(path: &str) -> String {
    const ENCODED: &AsciiSet = &CONTROLS.add(b' ');
    utf8_percent_encode(path, ENCODED).to_string()
}

/// A string as nginx reads it between double quotes.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::fixtures::{article, site};

    #[test]
    fn each_old_address_has_a_rule_a_map_line_and_a_page_and_a_query_its_json() {
        let mut moved = article(vec![], &[]);
        moved.slug = "desk-stretches".into();
        moved.title = "Desk & Chair".into();
        moved.old_addresses = vec!["/über/".into(), "/?p=101".into()];
        let files: BTreeMap<String, String> =
            redirect_files(&[&moved], &site(), "/clinic/", "/a /b 302\n")
                .into_iter()
                .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("text")))
                .collect();
        let rules = &files[REDIRECTS_RULES_FILE];
        assert!(
            rules.starts_with("/a /b 302\n"),
            "the clinic's own rules first"
        );
        assert!(rules.contains("/clinic/%C3%BCber/ /clinic/articles/desk-stretches/ 301\n"));
        assert!(
            !rules.contains("?p="),
            "hosts match no queries: boot.js does"
        );
        let map = &files[NGINX_MAP_FILE];
        assert!(map.contains("\"/clinic/über/\" \"/clinic/articles/desk-stretches/\";"));
        assert!(map.contains("\"/clinic/?p=101\" \"/clinic/articles/desk-stretches/\";"));
        assert_eq!(
            files[REDIRECTS_FILE],
            r#"{"/?p=101":"/clinic/articles/desk-stretches/"}"#
        );
        let again: BTreeMap<String, Vec<u8>> =
            redirect_files(&[&moved], &site(), "/clinic/", rules)
                .into_iter()
                .collect();
        assert_eq!(
            again[REDIRECTS_RULES_FILE],
            rules.as_bytes(),
            "a second run on the same build writes the same rules, not twice"
        );
        let page = &files["über/index.html"];
        assert!(page.contains("url=/clinic/articles/desk-stretches/\""));
        assert!(page.contains("<a href=\"/clinic/articles/desk-stretches/\">Desk &amp; Chair</a>"));
    }
}
