//! The page Trunk built (the app's shell: the loader, the settings script, the styles), read
//! and written as HTML by an HTML rewriter (lol_html), never by searching its text: each page
//! is the shell with its own attributes, title, head tags, body and content.

use std::cell::{Cell, RefCell};

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use clinic_app::contract::{
    APP_ROOT_ID, PAGE_CONTENT_ATTRIBUTE, SHELL_JS_ATTRIBUTE, SHELL_ONLY_ATTRIBUTE,
    SHELL_PROGRAM_NAME, SHELL_WASM_ATTRIBUTE,
};

use clinic_app::pages::head::escape_html;

use crate::stylesheet::shipped_stylesheet;
use clinic_content::words::{Word, Words, LOCALES_FOLDER};

/// The tags that carry the site's security policy in a page.
const POLICY_TAGS: &str = "meta[http-equiv='Content-Security-Policy'], meta[name='referrer']";

/// The shell's own texts, as `index.html` marks them.
const LOADER_TEXT: &str = ".page-loader-text";
const APP_FAILED_MESSAGE: &str = ".app-failed-message";
/// The class of the paragraph inside `<noscript>`, which an HTML rewriter reads as text.
const NOSCRIPT_MESSAGE: &str = "noscript-message";

/// A table of words carried by a shell read back from an earlier build's `app.html`, or
/// named there for preloading, as a CSS selector.
fn earlier_tables() -> String {
    format!(
        "script[{PAGE_CONTENT_ATTRIBUTE}^='{LOCALES_FOLDER}'], \
         link[{SHELL_ONLY_ATTRIBUTE}][href^='{LOCALES_FOLDER}']"
    )
}

/// What the shell must have exactly one of, as CSS selectors.
const ONE_OF_EACH: [&str; 6] = ["html", "head", "meta[charset]", "title", "style", "#app"];

/// The script that starts the app (Trunk's `pattern_script`: `boot.js`).
pub(crate) const START_SCRIPT: &str = "script[data-wasm]";

/// The preloads of a program's files that a page carries, which the shell is read without
/// (each page gets the one program that runs it).
const PROGRAM_PRELOADS: &str = "link[rel=modulepreload], link[rel=preload][href$='.wasm']";

/// The files of one of the app's programs, as the script that starts it names them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Program {
    js: String,
    wasm: String,
}

impl Program {
    /// The tags that start the program's download as `<head>` is read: the glue, and the wasm
    /// at low priority, so that the page's own images come first.
    fn preload(&self) -> String {
        format!(
            "<link rel=\"modulepreload\" href=\"{}\"><link rel=\"preload\" href=\"{}\" \
             as=\"fetch\" crossorigin=\"anonymous\" fetchpriority=\"low\">",
            escape_html(&self.js),
            escape_html(&self.wasm)
        )
    }
}

/// The app's shell, checked, with its stylesheet as every page ships it.
#[derive(Debug, Clone)]
pub struct Shell {
    html: String,
    /// The program that adopts a pre-rendered page.
    page_program: Program,
    /// The program that builds a page in the browser: the app's shell's own.
    shell_program: Program,
}

/// The two programs the script that starts the app in `html` names: the page's in `data-js`
/// and `data-wasm` (Trunk's `pattern_script`), the shell's in [`SHELL_JS_ATTRIBUTE`] and
/// [`SHELL_WASM_ATTRIBUTE`] (`crate::named_programs`).
fn programs(html: &str) -> Result<(Program, Program), String> {
    let scripts = RefCell::new(Vec::new());
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        START_SCRIPT,
        |script| {
            let attribute = |name| script.get_attribute(name).unwrap_or_default();
            scripts.borrow_mut().push((
                Program {
                    js: attribute("data-js"),
                    wasm: attribute("data-wasm"),
                },
                Program {
                    js: attribute(SHELL_JS_ATTRIBUTE),
                    wasm: attribute(SHELL_WASM_ATTRIBUTE),
                },
            ));
            Ok(())
        }
    ));
    rewrite_str(html, settings).map_err(|error| error.to_string())?;
    let [(page_program, shell_program)] =
        <[_; 1]>::try_from(scripts.take()).map_err(|scripts| {
            format!(
                "the app's shell must have one script that starts the app ({START_SCRIPT}), not {}",
                scripts.len()
            )
        })?;
    if shell_program.js.is_empty() || shell_program.wasm.is_empty() {
        return Err(format!(
            "the script that starts the app names no program that builds a page in the browser \
             ({SHELL_JS_ATTRIBUTE}, {SHELL_WASM_ATTRIBUTE}): index.html must build {SHELL_PROGRAM_NAME}"
        ));
    }
    Ok((page_program, shell_program))
}

/// What one page puts into the shell.
#[derive(Debug, Clone, Default)]
pub struct PageParts {
    /// Attributes set on `<html>`: names and values (as text).
    pub html_attributes: Vec<(String, String)>,
    /// The page's title, as text.
    pub title: String,
    /// Tags added at the end of `<head>`, as HTML.
    pub head: String,
    /// The page inside the app's root element, as HTML.
    pub body: String,
    /// Elements right after the app's root element, as HTML.
    pub after_body: String,
}

impl Shell {
    /// Reads the shell Trunk built: it must have exactly one `<html>`, `<head>`,
    /// `<meta charset>`, `<title>`, inline stylesheet and app root; its stylesheet is minified as the pages ship it, and
    /// `policy` (the tags that carry the site's security policy in the page) follows its
    /// `<meta charset>`, before anything the policy governs, in place of any it carried.
    pub fn read(html: &str, policy: &str) -> Result<Shell, String> {
        let (page_program, shell_program) = programs(html)?;
        let counts: Vec<Cell<usize>> = ONE_OF_EACH.iter().map(|_| Cell::new(0)).collect();
        let stylesheet = RefCell::new(String::new());
        let stylesheet_error = RefCell::new(None);
        let mut settings = RewriteStrSettings::new();
        for (selector, count) in ONE_OF_EACH.iter().zip(&counts) {
            settings = settings.append_element_content_handler(element!(*selector, move |_| {
                count.set(count.get() + 1);
                Ok(())
            }));
        }
        let settings = settings
            .append_element_content_handler(element!(POLICY_TAGS, |element| {
                element.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("meta[charset]", |element| {
                element.after(policy, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!(PROGRAM_PRELOADS, |element| {
                element.remove();
                Ok(())
            }));
        let settings = settings.append_element_content_handler(text!("style", |chunk| {
            stylesheet.borrow_mut().push_str(chunk.as_str());
            chunk.remove();
            if chunk.last_in_text_node() {
                match shipped_stylesheet(&stylesheet.take()) {
                    Ok(css) => chunk.replace(&css, ContentType::Html),
                    Err(error) => *stylesheet_error.borrow_mut() = Some(error),
                }
            }
            Ok(())
        }));
        let shipped = rewrite_str(html, settings).map_err(|error| error.to_string())?;
        if let Some(error) = stylesheet_error.take() {
            return Err(error);
        }
        for (selector, count) in ONE_OF_EACH.iter().zip(&counts) {
            if count.get() != 1 {
                return Err(format!(
                    "the app's shell must have exactly one {selector}, not {}",
                    count.get()
                ));
            }
        }
        Ok(Shell {
            html: shipped,
            page_program,
            shell_program,
        })
    }

    /// The shell as Trunk built it, checked.
    #[cfg(test)]
    pub fn html(&self) -> &str {
        &self.html
    }

    /// The shell as it ships (`app.html`), for a site in the language `lang`: it preloads the
    /// app's shell's program; `<html lang>` and `dir` say the language, its own texts (the
    /// title and loader, what it says when the app cannot start or scripts are off) are in
    /// `words`, and it carries their table (`carried_table`, as HTML) for the app's loader
    /// and errors, and for a page in that language.
    pub fn app_shell(
        &self,
        lang: &str,
        dir: &str,
        words: &Words,
        carried_table: &str,
    ) -> Result<String, String> {
        let root = format!("#{APP_ROOT_ID}");
        let earlier = earlier_tables();
        let texts = [
            ("title", Word::Loading),
            (LOADER_TEXT, Word::Loading),
            (APP_FAILED_MESSAGE, Word::AppFailed),
        ];
        let noscript = format!(
            "<p class=\"{NOSCRIPT_MESSAGE}\">{}</p>",
            escape_html(words.get(Word::NeedsJavascript))
        );
        let mut settings = RewriteStrSettings::new()
            .append_element_content_handler(element!(earlier, |element| {
                element.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("html", |element| {
                element.set_attribute("lang", lang)?;
                element.set_attribute("dir", dir)?;
                Ok(())
            }))
            .append_element_content_handler(element!(root, |element| {
                element.after(carried_table, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("noscript", |element| {
                element.set_inner_content(&noscript, ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!("head", |element| {
                element.append(&self.shell_program.preload(), ContentType::Html);
                Ok(())
            }));
        for (selector, word) in texts {
            settings =
                settings.append_element_content_handler(element!(selector, move |element| {
                    element.set_inner_content(words.get(word), ContentType::Text);
                    Ok(())
                }));
        }
        rewrite_str(&self.html, settings).map_err(|error| error.to_string())
    }

    /// One page: the shell without what is marked as the shell's own, with `parts` in place
    /// and a preload of the program that adopts it.
    pub fn page(&self, parts: &PageParts) -> Result<String, String> {
        let root = format!("#{APP_ROOT_ID}");
        let shell_only = format!("[{SHELL_ONLY_ATTRIBUTE}], {}", earlier_tables());
        let settings = RewriteStrSettings::new()
            .append_element_content_handler(element!(shell_only, |element| {
                element.remove();
                Ok(())
            }))
            .append_element_content_handler(element!("html", |element| {
                for (name, value) in &parts.html_attributes {
                    element.set_attribute(name, value)?;
                }
                Ok(())
            }))
            .append_element_content_handler(element!("title", |element| {
                element.set_inner_content(&parts.title, ContentType::Text);
                Ok(())
            }))
            .append_element_content_handler(element!("head", |element| {
                element.append(&parts.head, ContentType::Html);
                element.append(&self.page_program.preload(), ContentType::Html);
                Ok(())
            }))
            .append_element_content_handler(element!(root, |element| {
                element.set_inner_content(&parts.body, ContentType::Html);
                element.after(&parts.after_body, ContentType::Html);
                Ok(())
            }));
        rewrite_str(&self.html, settings).map_err(|error| error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
        <title>Loading…</title>\n\
        <script defer src=\"/boot.js\" data-js=\"/assets/clinic-article-1.js\" data-wasm=\"/assets/clinic-article-1_bg.wasm\" \
        data-shell-js=\"/assets/clinic-shell-2.js\" data-shell-wasm=\"/assets/clinic-shell-2_bg.wasm\"></script>\n\
        <style>/* Why. */\nh1 { font-size: clamp(1rem, 1rem + 2vw, 2rem); }\n</style>\n\
        <link rel=\"preload\" href=\"a\" data-app-shell>\n</head>\n<body>\n\
        <div id=\"app\"><div class=\"page-loader\"><span class=\"page-loader-text\">Loading</span></div>\
        <p class=\"app-failed-message\">Failed</p></div>\n\
        <noscript data-app-shell><p class=\"noscript-message\">Needs JS</p></noscript>\n</body>\n</html>\n";

    #[test]
    fn the_shell_ships_its_stylesheet_minified_and_reading_it_again_changes_nothing() {
        let shell = Shell::read(SHELL, "").expect("a shell");
        assert!(
            shell
                .html()
                .contains("<style>h1{font-size:clamp(1rem,1rem + 2vw,2rem)}</style>"),
            "{}",
            shell.html()
        );
        assert_eq!(
            Shell::read(shell.html(), "").expect("again").html(),
            shell.html()
        );
    }

    /// The program preloaded in `html` (the file names of its glue and wasm).
    fn preloaded(html: &str) -> Vec<&str> {
        html.split("<link rel=\"")
            .skip(1)
            .filter(|tag| tag.starts_with("modulepreload") || tag.contains(".wasm\""))
            .filter_map(|tag| tag.split("href=\"").nth(1)?.split('"').next())
            .collect()
    }

    #[test]
    fn each_page_preloads_the_program_that_runs_it_however_often_the_shell_is_read() {
        let shell = Shell::read(SHELL, "").expect("a shell");
        let page = shell.page(&PageParts::default()).expect("a page");
        assert_eq!(
            preloaded(&page),
            [
                "/assets/clinic-article-1.js",
                "/assets/clinic-article-1_bg.wasm"
            ]
        );
        assert!(page.contains("fetchpriority=\"low\""), "{page}");
        let (words, table) = table("en", &[]);
        let app_shell = shell
            .app_shell("en", "ltr", &words, &table)
            .expect("the app's shell");
        assert_eq!(
            preloaded(&app_shell),
            [
                "/assets/clinic-shell-2.js",
                "/assets/clinic-shell-2_bg.wasm"
            ]
        );
        // The app's shell kept from an earlier build, read again: the same once more.
        let again = Shell::read(&app_shell, "").expect("again");
        assert_eq!(
            again.app_shell("en", "ltr", &words, &table).as_ref(),
            Ok(&app_shell)
        );
        let page_again = again.page(&PageParts::default()).expect("a page");
        assert_eq!(preloaded(&page_again), preloaded(&page));
    }

    #[test]
    fn a_shell_without_one_script_naming_both_programs_is_refused() {
        let without_shell = SHELL.replace("data-shell-js=", "data-other=");
        assert_eq!(
            Shell::read(&without_shell, "").map(|_| ()),
            Err(format!(
                "the script that starts the app names no program that builds a page in the \
                 browser ({SHELL_JS_ATTRIBUTE}, {SHELL_WASM_ATTRIBUTE}): index.html must build \
                 {SHELL_PROGRAM_NAME}"
            ))
        );
        let two = SHELL.replace(
            "</title>",
            "</title><script data-wasm=\"/a.wasm\"></script>",
        );
        assert!(Shell::read(&two, "")
            .expect_err("two scripts start the app")
            .ends_with("not 2"));
    }

    #[test]
    fn a_shell_without_its_one_app_root_or_stylesheet_is_refused() {
        let no_root = SHELL.replace("id=\"app\"", "id=\"elsewhere\"");
        assert_eq!(
            Shell::read(&no_root, "").map(|_| ()),
            Err("the app's shell must have exactly one #app, not 0".to_string())
        );
        let two_styles = SHELL.replace("</head>", "<style>p{}</style></head>");
        assert!(Shell::read(&two_styles, "").is_err());
        let broken = SHELL.replace("h1 {", "h1 { color: red; } }{ @media {");
        assert!(Shell::read(&broken, "")
            .expect_err("invalid CSS")
            .starts_with("the stylesheet is not valid CSS"));
    }

    #[test]
    fn a_page_has_its_parts_in_place_and_leaves_the_shells_own_out() {
        let page = Shell::read(SHELL, "")
            .expect("a shell")
            .page(&PageParts {
                html_attributes: vec![("data-page-path".into(), "/a \"b\"/".into())],
                title: "A <b> & \"c\"".into(),
                head: "<meta name=\"description\" content=\"d\">".into(),
                body: "<main><h1>A</h1></main>".into(),
                after_body: "<script type=\"application/json\">{}</script>".into(),
            })
            .expect("a page");
        assert!(page.contains("<html lang=\"en\" data-page-path=\"/a &quot;b&quot;/\">"));
        assert!(page.contains("<title>A &lt;b&gt; &amp; \"c\"</title>"));
        assert!(
            page.contains("<meta name=\"description\" content=\"d\"><link rel=\"modulepreload\"")
        );
        assert!(page.contains(
            "<div id=\"app\"><main><h1>A</h1></main></div>\
             <script type=\"application/json\">{}</script>"
        ));
        assert!(!page.contains("data-app-shell"), "{page}");
        assert!(!page.contains("Loading</span>"), "{page}");
    }

    /// A table of `words` as the shell carries it.
    fn table(lang: &str, words: &[(Word, &str)]) -> (Words, String) {
        let table: std::collections::HashMap<&str, &str> = words
            .iter()
            .map(|(word, text)| (word.key(), *text))
            .collect();
        let json = serde_json::to_string(&table).expect("JSON");
        let words = serde_json::from_str(&json).expect("a table");
        let carried = format!(
            "<script type=\"application/json\" {PAGE_CONTENT_ATTRIBUTE}=\"{LOCALES_FOLDER}{lang}.json\">{json}</script>"
        );
        (words, carried)
    }

    #[test]
    fn the_app_s_shell_speaks_its_language_and_carries_its_table_once_however_often_it_is_built() {
        let shell = Shell::read(SHELL, "").expect("a shell");
        let (spanish, spanish_table) = table("es", &[(Word::Loading, "Cargando…")]);
        let once = shell
            .app_shell("es", "ltr", &spanish, &spanish_table)
            .expect("the app's shell");
        let arabic_texts = [
            (Word::Loading, "جارٍ التحميل…"),
            (Word::AppFailed, "تعذّر تحميل هذه الصفحة."),
            (Word::NeedsJavascript, "تحتاج هذه الصفحة إلى JavaScript."),
        ];
        let (arabic, arabic_table) = table("ar", &arabic_texts);
        let read_back = Shell::read(&once, "").expect("again");
        let again = read_back
            .app_shell("ar", "rtl", &arabic, &arabic_table)
            .expect("the app's shell");
        assert!(again.contains("<html lang=\"ar\" dir=\"rtl\">"), "{again}");
        assert_eq!(again.matches(LOCALES_FOLDER).count(), 1, "{again}");
        assert!(again.contains(&arabic_table), "{again}");
        assert!(again.contains("<title>جارٍ التحميل…</title>"), "{again}");
        for (word, text) in arabic_texts {
            // Shown (the loading words as the title too), and in the carried table.
            let shown = if word == Word::Loading { 2 } else { 1 };
            assert_eq!(again.matches(text).count(), shown + 1, "{word:?}: {again}");
        }
        assert!(
            !again.contains("Cargando") && !again.contains("Needs JS"),
            "{again}"
        );
        let page = read_back.page(&PageParts::default()).expect("a page");
        assert!(!page.contains(LOCALES_FOLDER), "{page}");
    }

    #[test]
    fn the_policy_follows_the_charset_once_however_often_the_shell_is_read() {
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">";
        let once = Shell::read(SHELL, policy).expect("a shell");
        let twice = Shell::read(once.html(), policy).expect("again");
        assert_eq!(twice.html(), once.html());
        assert_eq!(once.html().matches("Content-Security-Policy").count(), 1);
        assert!(once
            .html()
            .contains(&format!("<meta charset=\"utf-8\">{policy}")));
    }
}
