//! Rules that the types alone cannot express. Every problem is reported with its field path,
//! and all of them at once, so an editor can fix a file in one go.

use std::collections::HashSet;

use crate::error::Problem;
use crate::ids::RESERVED_IDS;
use crate::language::is_language_tag;
use crate::library::{category_slug, CATEGORIES_SEGMENT};
use crate::model::*;
use crate::text::parse_date;

/// Content that can check itself.
pub trait Validate {
    fn validate(&self, check: &mut Checker);
}

/// Every problem found in `value`, each with its field path.
pub fn problems<T: Validate>(value: &T) -> Vec<Problem> {
    let mut check = Checker::default();
    value.validate(&mut check);
    check.problems
}

/// Walks a value, keeping the path to the current field.
#[derive(Default)]
pub struct Checker {
    path: Vec<String>,
    problems: Vec<Problem>,
}

impl Checker {
    fn at<R>(&mut self, segment: String, check: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(segment);
        let result = check(self);
        self.path.pop();
        result
    }

    /// Checks a named field.
    pub fn field<R>(&mut self, name: &str, check: impl FnOnce(&mut Self) -> R) -> R {
        let segment = if self.path.is_empty() {
            name.to_string()
        } else {
            format!(".{name}")
        };
        self.at(segment, check)
    }

    /// Checks every item of a list, each at its index.
    pub fn each<T>(&mut self, items: &[T], mut check: impl FnMut(&mut Self, &T)) {
        for (index, item) in items.iter().enumerate() {
            self.at(format!("[{index}]"), |c| check(c, item));
        }
    }

    pub fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(Problem {
            path: if self.path.is_empty() {
                "(file)".to_string()
            } else {
                self.path.concat()
            },
            message: message.into(),
        });
    }

    pub fn text(&mut self, name: &str, value: &str) {
        self.field(name, |c| c.require_text(value));
    }

    fn require_text(&mut self, value: &str) {
        if value.trim().is_empty() {
            self.problem("must not be empty");
        }
    }

    fn require_list<T>(&mut self, items: &[T]) {
        if items.is_empty() {
            self.problem("must not be empty");
        }
    }

    pub fn href(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if !is_safe_href(value) {
                c.problem(format!(
                    "link address {value:?} is not allowed: use https:, http:, mailto:, tel: \
                     or a path starting with /"
                ));
            }
        });
    }

    fn web_address(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if !(is_safe_href(value) && has_scheme(value, &["https:", "http:"])) {
                c.problem(format!(
                    "{value:?} is not a web address: it must start with https:// or http://"
                ));
            }
        });
    }

    fn site_file(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if !is_site_file(value) {
                c.problem(format!(
                    "{value:?} must be a file of this site, like \"images/hero.svg\""
                ));
            }
        });
    }

    fn date(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if let Err(error) = parse_date(value) {
                c.problem(error);
            }
        });
    }

    fn language(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if !is_language_tag(value) {
                c.problem(format!(
                    "{value:?} is not a language tag: write the language's two- or three-letter                      code, with a region after a hyphen if needed, like \"es\", \"ar\" or \"pt-BR\""
                ));
            }
        });
    }

    fn slug(&mut self, name: &str, value: &str) {
        self.field(name, |c| {
            if !is_slug(value) {
                c.problem(format!(
                    "{value:?} must be lower-case letters, digits and single hyphens, \
                     like \"upper-back-pain\""
                ));
            }
        });
    }
}

/// The first folders of this site's own addresses, which no old address may take.
const SITE_FOLDERS: [&str; 7] = [
    ARTICLES_SEGMENT,
    CATEGORIES_SEGMENT,
    "assets",
    "content",
    "images",
    "fonts",
    "admin",
];

/// Whether `address` can be an old address of an article (see [`old_address_problem`]).
pub fn is_old_address(address: &str) -> bool {
    old_address_problem(address).is_ok()
}

/// Why `address` cannot be an old address of an article: it must be a path of this site
/// (`/2024/05/14/desk-stretches/`, `/?p=101`), not the home page itself, not one of the
/// site's own folders.
fn old_address_problem(address: &str) -> Result<(), &'static str> {
    if !address.starts_with('/') || address.starts_with("//") {
        return Err("must be a path of this site, starting with one /, like \"/old-post/\"");
    }
    if address
        .chars()
        .any(|ch| ch.is_control() || ch.is_whitespace())
        || address.contains('#')
    {
        return Err("must have no spaces and no #");
    }
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    if path == "/" && query.is_empty() {
        return Err("is the home page itself");
    }
    let mut segments = path.split('/').filter(|segment| !segment.is_empty());
    if segments
        .clone()
        .any(|segment| segment == "." || segment == "..")
    {
        return Err("must not have . or .. in it");
    }
    if segments
        .next()
        .is_some_and(|first| SITE_FOLDERS.contains(&first))
    {
        return Err("is inside one of this site's own folders");
    }
    Ok(())
}

/// Whether a link address may be rendered: `https:`, `http:`, `mailto:` and `tel:` addresses,
/// and paths on this site. Anything else (`javascript:`, `data:`, `//other.host`…) is refused,
/// and so is any control character or space, which browsers would strip before the scheme.
pub fn is_safe_href(href: &str) -> bool {
    if href.is_empty() || href.chars().any(|ch| ch.is_control() || ch.is_whitespace()) {
        return false;
    }
    let site_path = href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/\\");
    site_path || has_scheme(href, &["https:", "http:", "mailto:", "tel:"])
}

/// Whether `href` starts with one of `schemes` (case-insensitively) and has an address after it.
fn has_scheme(href: &str, schemes: &[&str]) -> bool {
    schemes.iter().any(|scheme| {
        href.len() > scheme.len()
            && href
                .get(..scheme.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(scheme))
    })
}

/// Lower-case ASCII letters and digits in hyphen-separated words.
pub fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A file inside the site, named relative to it, so it also resolves under a sub-path.
pub fn is_site_file(value: &str) -> bool {
    !value.is_empty()
        && value.split('/').all(|part| {
            !part.is_empty()
                && part != ".."
                && part != "."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

impl Validate for SiteSettings {
    fn validate(&self, c: &mut Checker) {
        c.text("clinic_name", &self.clinic_name);
        if let Some(language) = &self.language {
            c.language("language", language);
        }
        c.web_address("site_url", &self.site_url);
        if !self.site_url.ends_with('/') {
            c.field("site_url", |c| {
                c.problem("must end with / (the site's root or sub-path)")
            });
        }
        c.field("phone", |c| {
            c.text("display", &self.phone.display);
            c.field("dial", |c| {
                let digits = self
                    .phone
                    .dial
                    .strip_prefix('+')
                    .unwrap_or(&self.phone.dial);
                if !(3..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    c.problem(format!(
                        "{:?} must be the number as dialled: digits with an optional leading +",
                        self.phone.dial
                    ));
                }
            });
        });
        c.web_address("booking_url", &self.booking_url);
        c.field("announcement", |c| inlines(c, &self.announcement));
        c.text("disclaimer", &self.disclaimer);
        if let Some(base) = &self.related_posts_base_url {
            c.href("related_posts_base_url", base);
        }
        if let Some(address) = &self.address {
            c.field("address", |c| {
                c.text("street", &address.street);
                c.text("locality", &address.locality);
                if let Some(region) = &address.region {
                    c.text("region", region);
                }
                c.text("postal_code", &address.postal_code);
                c.text("country", &address.country);
            });
        }
        editorial_links(c, &self.editorial_policy_url, &self.report_mistake_url);
        c.field("in_languages", |c| {
            c.each(&self.in_languages, |c, texts| {
                c.language("lang", &texts.lang);
                if let Some(announcement) = &texts.announcement {
                    c.field("announcement", |c| inlines(c, announcement));
                }
                if let Some(disclaimer) = &texts.disclaimer {
                    c.text("disclaimer", disclaimer);
                }
                editorial_links(c, &texts.editorial_policy_url, &texts.report_mistake_url);
            });
        });
        if let Some(months) = self.review_interval_months {
            c.field("review_interval_months", |c| {
                if !(1..=120).contains(&months) {
                    c.problem(format!("{months} must be between 1 and 120 months"));
                }
            });
        }
        let mut ids = HashSet::new();
        c.field("people", |c| {
            c.each(&self.people, |c, person| {
                c.slug("id", &person.id);
                if !ids.insert(person.id.clone()) {
                    c.field("id", |c| {
                        c.problem(format!("{:?} is used twice", person.id))
                    });
                }
                c.text("name", &person.name);
                if let Some(credentials) = &person.credentials {
                    c.text("credentials", credentials);
                }
                if let Some(role) = &person.role {
                    c.text("role", role);
                }
                if let Some(photo) = &person.photo {
                    c.site_file("photo", photo);
                }
                if let Some(profile) = &person.profile_url {
                    c.href("profile_url", profile);
                }
            })
        });
        let mut categories = HashSet::new();
        c.field("categories", |c| {
            c.each(&self.categories, |c, category| {
                c.require_text(category);
                if !categories.insert(category.clone()) {
                    c.problem(format!("{category:?} is listed twice"));
                }
            })
        });
    }
}

impl Validate for crate::words::Words {
    fn validate(&self, c: &mut Checker) {
        let mut entries: Vec<_> = self.entries().collect();
        entries.sort_unstable();
        for (key, text) in entries {
            c.text(key, text);
        }
        let date = self.get(crate::words::Word::Date);
        c.field(crate::words::Word::Date.key(), |c| {
            for part in ["{day}", "{month}", "{year}"] {
                if !date.contains(part) {
                    c.problem(format!("must say where the date's {part} goes"));
                }
            }
        });
    }
}

/// Written by the build from checked articles: nothing more to check.
impl Validate for crate::language::Translations {
    fn validate(&self, _: &mut Checker) {}
}

impl Validate for ArticleIndex {
    fn validate(&self, c: &mut Checker) {
        c.slug("home", &self.home);
        if !self
            .articles
            .iter()
            .any(|article| article.slug == self.home)
        {
            c.field("home", |c| {
                c.problem(format!("{:?} is not one of the listed articles", self.home))
            });
        }
        let mut seen = HashSet::new();
        c.field("articles", |c| {
            c.require_list(&self.articles);
            c.each(&self.articles, |c, article| {
                c.slug("slug", &article.slug);
                if !seen.insert(article.slug.clone()) {
                    c.field("slug", |c| c.problem("is listed twice"));
                }
                c.text("title", &article.title);
            });
        });
    }
}

impl Validate for Article {
    fn validate(&self, c: &mut Checker) {
        c.slug("slug", &self.slug);
        c.text("title", &self.title);
        if let Some(lang) = &self.lang {
            c.language("lang", lang);
        }
        if let Some(original) = &self.translation_of {
            c.slug("translation_of", original);
            if *original == self.slug {
                c.field("translation_of", |c| {
                    c.problem(
                        "names the article itself: give the slug of the article it translates",
                    )
                });
            }
        }
        c.text("description", &self.description);
        c.text("category", &self.category);
        c.field("category", |c| {
            if !self.category.trim().is_empty() && category_slug(&self.category).is_empty() {
                c.problem(
                    "its page needs an address made of its letters or digits, and this name has \
                     none: add some (\"Back Pain\", \"Pain 2\")",
                );
            }
        });
        c.date("published", &self.published);
        if let Some(hero) = &self.hero {
            c.field("hero", |c| {
                c.site_file("image", &hero.image);
                if let Some(share_image) = &hero.share_image {
                    c.field("share_image", |c| {
                        let name = share_image.to_ascii_lowercase();
                        let raster = [".png", ".jpg", ".jpeg"]
                            .iter()
                            .any(|ending| name.ends_with(ending));
                        if !(is_site_file(share_image) && raster) {
                            c.problem(format!(
                                "{share_image:?} must be a PNG or JPEG file of this site, like \
                                 \"images/hero-card.png\""
                            ));
                        }
                    });
                }
                c.text("alt", &hero.alt);
                sizes(c, hero.width, hero.height);
            });
        }
        c.field("key_points", |c| {
            c.each(&self.key_points, |c, point| {
                if point.trim().is_empty() {
                    c.problem("must not be empty");
                }
            })
        });
        c.field("intro", |c| blocks(c, &self.intro));

        let mut ids = HashSet::new();
        let mut explicit_id = |c: &mut Checker, id: &Option<String>| {
            if let Some(id) = id {
                c.slug("id", id);
                if RESERVED_IDS.contains(&id.as_str()) {
                    c.field("id", |c| {
                        c.problem(format!("{id:?} is used by the page itself"))
                    });
                } else if !ids.insert(id.clone()) {
                    c.field("id", |c| c.problem(format!("{id:?} is used twice")));
                }
            }
        };
        if self.intro.is_empty() && self.sections.is_empty() {
            c.field("intro", |c| {
                c.problem("an article needs some text: an introduction, sections or both")
            });
        }
        c.field("sections", |c| {
            c.each(&self.sections, |c, section| {
                c.text("heading", &section.heading);
                explicit_id(c, &section.id);
                if section.body.is_empty() && section.subsections.is_empty() {
                    c.field("body", |c| {
                        c.problem("a section needs a body or subsections")
                    });
                }
                c.field("body", |c| blocks(c, &section.body));
                c.field("subsections", |c| {
                    c.each(&section.subsections, |c, sub| {
                        c.text("heading", &sub.heading);
                        explicit_id(c, &sub.id);
                        c.field("body", |c| required_blocks(c, &sub.body));
                    })
                });
            });
        });
        if let Some(faq) = &self.faq {
            c.field("faq", |c| {
                c.text("heading", &faq.heading);
                c.field("items", |c| {
                    c.require_list(&faq.items);
                    c.each(&faq.items, |c, item| {
                        c.text("question", &item.question);
                        explicit_id(c, &item.id);
                        c.field("answer", |c| required_blocks(c, &item.answer));
                    });
                });
            });
        }
        c.field("also_called", |c| {
            let mut seen = HashSet::from([self.title.to_lowercase()]);
            c.each(&self.also_called, |c, name| {
                if name.trim().is_empty() {
                    c.problem("is empty: give the other name, or remove the line".to_string());
                } else if !seen.insert(name.to_lowercase()) {
                    c.problem(format!("{name:?} is the title or another name already"));
                }
            })
        });
        c.field("old_addresses", |c| {
            let mut seen = HashSet::new();
            c.each(&self.old_addresses, |c, address| {
                if let Err(why) = old_address_problem(address) {
                    c.problem(format!("{address:?} {why}"));
                } else if !seen.insert(address.clone()) {
                    c.problem(format!("{address:?} is listed twice"));
                }
            })
        });
        c.field("related", |c| {
            c.each(&self.related, |c, post| {
                c.text("title", &post.title);
                c.slug("slug", &post.slug);
            })
        });
        for (field, id) in self.named_people() {
            c.slug(field, id);
        }
        if let Some(last) = &self.last_reviewed {
            c.date("last_reviewed", last);
        }
        if let Some(next) = &self.next_review {
            c.date("next_review", next);
            if self.last_reviewed.as_ref().is_some_and(|last| next <= last) {
                c.field("next_review", |c| {
                    c.problem(format!("{next:?} must come after last_reviewed"))
                });
            }
        }
        c.field("sources", |c| {
            c.each(&self.sources, |c, source| {
                c.text("title", &source.title);
                if let Some(publisher) = &source.publisher {
                    c.text("publisher", publisher);
                }
                if let Some(year) = source.year {
                    if !(1000..=9999).contains(&year) {
                        c.field("year", |c| c.problem(format!("{year} is not a year")));
                    }
                }
                if let Some(url) = &source.url {
                    c.web_address("url", url);
                }
            })
        });
        if let Some(update) = &self.updated {
            c.field("updated", |c| {
                c.date("date", &update.date);
                c.text("note", &update.note);
            });
        }
    }
}

/// The problems of `article` that only the site settings show: a person it names who is not
/// one of the site's people, a category that is not one of the site's categories. The browser and `content check` both apply it.
/// Checks the editorial policy's address and where mistakes are reported.
fn editorial_links(c: &mut Checker, policy: &Option<String>, report: &Option<String>) {
    if let Some(policy) = policy {
        c.href("editorial_policy_url", policy);
    }
    if let Some(report) = report {
        c.field("report_mistake_url", |c| {
            if !(is_safe_href(report) && has_scheme(report, &["mailto:", "https:", "http:"])) {
                c.problem(format!(
                    "{report:?} must be a mailto: address or a web form's https:// address"
                ));
            }
        });
    }
}

pub fn problems_with_site(article: &Article, site: &SiteSettings) -> Vec<Problem> {
    let mut check = Checker::default();
    for (field, id) in article.named_people() {
        if site.person(id).is_none() {
            check.field(field, |c| {
                c.problem(format!(
                    "{id:?} is not one of the people in content/site.json"
                ))
            });
        }
    }
    if !site.categories.is_empty() && !site.categories.contains(&article.category) {
        check.field("category", |c| {
            c.problem(format!(
                "{:?} is not one of the categories in content/site.json ({}): pick one, or \
                 add it there",
                article.category,
                site.categories.join(", ")
            ))
        });
    }
    check.problems
}

/// At least one block, each valid.
fn required_blocks(c: &mut Checker, content: &[Block]) {
    c.require_list(content);
    blocks(c, content);
}

fn blocks(c: &mut Checker, blocks: &[Block]) {
    c.each(blocks, |c, block| match block {
        Block::Paragraph(content) => c.field("paragraph", |c| inlines(c, content)),
        Block::List(items) => c.field("list", |c| list_items(c, items)),
        Block::NumberedList(items) => c.field("numbered_list", |c| list_items(c, items)),
        Block::Table(table) => c.field("table", |c| table_cells(c, table)),
        Block::Figure(figure) => c.field("figure", |c| {
            c.site_file("image", &figure.image);
            c.text("alt", &figure.alt);
            sizes(c, figure.width, figure.height);
            if let Some(caption) = &figure.caption {
                c.text("caption", caption);
            }
        }),
    });
}

/// A picture's width and height, which keep its room before it loads.
fn sizes(c: &mut Checker, width: u32, height: u32) {
    for (name, size) in [("width", width), ("height", height)] {
        if size == 0 {
            c.field(name, |c| c.problem("must be more than 0"));
        }
    }
}

/// A header with a name for at least one column, and rows of as many cells as it has.
fn table_cells(c: &mut Checker, table: &Table) {
    if let Some(caption) = &table.caption {
        c.text("caption", caption);
    }
    c.field("header", |c| {
        if table.header.iter().all(|name| name.trim().is_empty()) {
            c.problem("must name at least one column");
        }
    });
    c.field("rows", |c| {
        c.require_list(&table.rows);
        c.each(&table.rows, |c, row| {
            if row.len() != table.header.len() {
                c.problem(format!(
                    "has {} cells, and the header names {} columns: give every row one cell \
                     per column",
                    row.len(),
                    table.header.len()
                ));
            }
            c.each(row, |c, cell| {
                c.each(cell, single_inline);
            });
        });
    });
}

fn list_items(c: &mut Checker, items: &[Vec<Inline>]) {
    c.require_list(items);
    c.each(items, |c, item| inlines(c, item));
}

fn inlines(c: &mut Checker, content: &[Inline]) {
    c.require_list(content);
    c.each(content, single_inline);
}

fn single_inline(c: &mut Checker, inline: &Inline) {
    match inline {
        Inline::Text(text) => c.text("text", text),
        Inline::Strong(text) => c.text("strong", text),
        Inline::Emphasis(text) => c.text("emphasis", text),
        Inline::BookingLink(text) => c.text("booking_link", text),
        Inline::Link(link) => c.field("link", |c| {
            c.text("text", &link.text);
            c.href("href", &link.href);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_phone_and_site_links_are_safe() {
        for href in [
            "https://example.com/a?b=c#d",
            "http://example.com",
            "HTTPS://EXAMPLE.COM",
            "mailto:care@example.com",
            "tel:+12125550147",
            "/articles/upper-back-pain",
            "/",
        ] {
            assert!(is_safe_href(href), "{href:?} should be allowed");
        }
    }

    #[test]
    fn script_data_protocol_relative_and_disguised_links_are_refused() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example.com",
            "/\\evil.example.com",
            "https:",
            "tel:",
            "ftp://example.com",
            "relative/path",
            "",
        ] {
            assert!(!is_safe_href(href), "{href:?} should be refused");
        }
    }

    #[test]
    fn slugs_are_lowercase_hyphenated_words() {
        assert!(is_slug("how-to-relieve-upper-back-pain-fast"));
        assert!(is_slug("5-genetic-factors"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "ä"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn site_files_stay_inside_the_site() {
        assert!(is_site_file("images/hero.svg"));
        for bad in [
            "",
            "/images/hero.svg",
            "../secret",
            "images//a.svg",
            "a/./b",
            "https://x/y.png",
        ] {
            assert!(!is_site_file(bad), "{bad:?}");
        }
    }

    use crate::fixtures::site as settings;

    #[test]
    fn valid_settings_have_no_problems() {
        assert_eq!(problems(&settings()), vec![]);
    }

    #[test]
    fn every_problem_is_reported_at_its_path() {
        let mut site = settings();
        site.clinic_name = "  ".into();
        site.site_url = "https://www.example.com/clinic".into();
        site.phone.dial = "call us".into();
        site.booking_url = "mailto:book@example.com".into();
        site.announcement = vec![
            Inline::Text("x".into()),
            Inline::Link(Link {
                text: "".into(),
                href: "data:x".into(),
            }),
        ];
        site.related_posts_base_url = Some("javascript:void(0)".into());
        let paths: Vec<String> = problems(&site).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "clinic_name",
                "site_url",
                "phone.dial",
                "booking_url",
                "announcement[1].link.text",
                "announcement[1].link.href",
                "related_posts_base_url",
            ]
        );
    }

    #[test]
    fn a_language_is_a_tag_and_a_translation_is_of_another_article() {
        let mut site = settings();
        site.language = Some("Spanish".into());
        let mut article = crate::fixtures::article(vec![], &["Q?"]);
        article.lang = Some("es_MX".into());
        article.translation_of = Some(article.slug.clone());
        let found = |problems: Vec<Problem>| -> Vec<String> {
            problems
                .into_iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect()
        };
        let site_problems = found(problems(&site));
        assert_eq!(site_problems.len(), 1);
        assert!(site_problems[0].starts_with("language: \"Spanish\" is not a language tag"));
        let article_problems = found(problems(&article));
        assert_eq!(article_problems.len(), 2, "{article_problems:?}");
        assert!(article_problems[0].starts_with("lang: \"es_MX\" is not a language tag"));
        assert!(article_problems[1].starts_with("translation_of: names the article itself"));
        article.lang = Some("es-MX".into());
        article.translation_of = Some("another-article".into());
        assert_eq!(found(problems(&article)), Vec::<String>::new());
    }

    #[test]
    fn the_index_must_list_its_home_once() {
        let index = ArticleIndex {
            schema: None,
            home: "missing".into(),
            articles: vec![
                ArticleSummary {
                    slug: "a".into(),
                    title: "A".into(),
                },
                ArticleSummary {
                    slug: "a".into(),
                    title: "A again".into(),
                },
            ],
        };
        let found = problems(&index);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["home", "articles[1].slug"]);
        assert!(found[1].message.contains("twice"));
    }
}

#[cfg(test)]
mod article_tests {
    use super::*;
    use crate::fixtures::{article, paragraph, section};

    #[test]
    fn a_sample_article_is_valid() {
        assert_eq!(
            problems(&article(vec![section("A", &["B"])], &["Q?"])),
            vec![]
        );
    }

    #[test]
    fn explicit_ids_must_be_slugs_unique_and_not_the_page_own() {
        let mut sections = vec![section("A", &[]), section("B", &[]), section("C", &[])];
        sections[0].id = Some("same".into());
        sections[1].id = Some("same".into());
        sections[2].id = Some("main-content".into());
        let mut sample = article(sections, &["Q?"]);
        sample.faq.as_mut().expect("an FAQ").items[0].id = Some("Not A Slug".into());
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec!["sections[1].id", "sections[2].id", "faq.items[0].id"]
        );
    }

    #[test]
    fn tables_need_a_named_column_and_even_rows_and_figures_a_picture_of_this_site() {
        let cell = |text: &str| vec![Inline::Text(text.into())];
        let mut sample = article(vec![section("A", &["B"])], &["Q?"]);
        let good = Table {
            caption: Some("Heat or ice".into()),
            header: vec![String::new(), "When".into()],
            rows: vec![vec![cell("Ice"), vec![]]],
        };
        sample.sections[0].body = vec![
            Block::Table(good.clone()),
            Block::Table(Table {
                caption: Some(" ".into()),
                header: vec![String::new()],
                rows: vec![vec![cell("a"), cell("b")]],
            }),
            Block::Table(Table {
                rows: vec![],
                ..good
            }),
            Block::Figure(Figure {
                image: "../secret.jpg".into(),
                alt: String::new(),
                width: 0,
                height: 10,
                caption: None,
            }),
        ];
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "sections[0].body[1].table.caption",
                "sections[0].body[1].table.header",
                "sections[0].body[1].table.rows[0]",
                "sections[0].body[2].table.rows",
                "sections[0].body[3].figure.image",
                "sections[0].body[3].figure.alt",
                "sections[0].body[3].figure.width",
            ]
        );
    }

    #[test]
    fn a_picture_sections_and_an_faq_are_optional_but_some_text_is_not() {
        let mut short = article(vec![], &[]);
        short.hero = None;
        short.faq = None;
        assert_eq!(
            problems(&short),
            vec![],
            "an introduction alone is an article"
        );
        short.sections = vec![section("A", &["B"])];
        short.intro = vec![];
        assert_eq!(problems(&short), vec![], "so are sections alone");
        short.sections = vec![];
        let paths: Vec<String> = problems(&short).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, vec!["intro"]);
    }

    #[test]
    fn other_names_are_neither_empty_nor_the_title_nor_said_twice() {
        let mut sample = article(vec![section("A", &[])], &["Q?"]);
        sample.title = "Acid Reflux".into();
        sample.also_called = ["Heartburn", " ", "acid reflux", "heartburn", "GERD"]
            .map(String::from)
            .to_vec();
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            ["also_called[1]", "also_called[2]", "also_called[3]"]
        );
    }

    #[test]
    fn old_addresses_are_paths_of_this_site_outside_its_own_folders() {
        let mut sample = article(vec![section("A", &["B"])], &[]);
        sample.faq = None;
        sample.old_addresses = [
            "/2024/05/14/desk-stretches/",
            "/?p=101",
            "/über-rückenschmerzen/",
            "https://old.example/x/",
            "/",
            "/articles/x/",
            "/a b/",
            "/../x/",
            "/?p=101",
        ]
        .map(String::from)
        .to_vec();
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            (3..9)
                .map(|n| format!("old_addresses[{n}]"))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn dates_empty_parts_and_image_paths_are_checked() {
        let mut sample = article(vec![section("A", &[])], &[]);
        sample.published = "2026-02-30".into();
        let hero = sample.hero.as_mut().expect("a hero");
        hero.image = "https://cdn.example.com/hero.jpg".into();
        hero.height = 0;
        hero.share_image = Some("images/hero.svg".into());
        sample.sections[0].body = vec![Block::List(vec![]), paragraph("")];
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "published",
                "hero.image",
                "hero.share_image",
                "hero.height",
                "sections[0].body[0].list",
                "sections[0].body[1].paragraph[0].text",
                "faq.items",
            ]
        );
    }

    #[test]
    fn review_dates_sources_and_updates_are_checked_at_their_paths() {
        let mut sample = article(vec![section("A", &[])], &["Q?"]);
        sample.author = Some("Not A Slug".into());
        sample.last_reviewed = Some("2026-05-01".into());
        sample.next_review = Some("2026-04-01".into());
        sample.sources = vec![
            Source {
                title: "Fine".into(),
                publisher: None,
                year: Some(2024),
                url: Some("https://example.org".into()),
            },
            Source {
                title: " ".into(),
                publisher: Some("".into()),
                year: Some(24),
                url: Some("javascript:alert(1)".into()),
            },
        ];
        sample.updated = Some(Update {
            date: "2026-13-01".into(),
            note: "".into(),
        });
        let paths: Vec<String> = problems(&sample).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "author",
                "next_review",
                "sources[1].title",
                "sources[1].publisher",
                "sources[1].year",
                "sources[1].url",
                "updated.date",
                "updated.note",
            ]
        );
    }

    #[test]
    fn people_an_article_names_must_be_the_site_people() {
        let mut sample = article(vec![section("A", &[])], &["Q?"]);
        sample.author = Some("ann".into());
        sample.medical_reviewer = Some("bob".into());
        let mut site = crate::fixtures::site();
        site.people = vec![Person {
            id: "ann".into(),
            name: "Ann".into(),
            credentials: None,
            role: None,
            photo: None,
            profile_url: None,
        }];
        let found = problems_with_site(&sample, &site);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "medical_reviewer");
        assert!(found[0].message.contains("\"bob\""), "{}", found[0].message);
    }

    #[test]
    fn with_categories_listed_an_article_must_have_one_of_them() {
        let sample = article(vec![section("A", &[])], &["Q?"]);
        let mut site = crate::fixtures::site();
        assert_eq!(
            problems_with_site(&sample, &site),
            Vec::new(),
            "none listed"
        );
        site.categories = vec!["Sleep".into(), sample.category.clone()];
        assert_eq!(problems_with_site(&sample, &site), Vec::new());
        site.categories.remove(1);
        let found = problems_with_site(&sample, &site);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "category");
        assert!(found[0].message.contains("(Sleep)"), "{}", found[0].message);

        site.categories = vec!["Sleep".into(), " ".into(), "Sleep".into()];
        let paths: Vec<String> = problems(&site).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["categories[1]", "categories[2]"]);
    }

    #[test]
    fn the_site_people_and_publisher_settings_are_checked() {
        let mut site = crate::fixtures::site();
        let person = Person {
            id: "ann".into(),
            name: "Ann".into(),
            credentials: Some("".into()),
            role: None,
            photo: Some("../ann.jpg".into()),
            profile_url: Some("javascript:x".into()),
        };
        site.people = vec![person.clone(), person];
        site.report_mistake_url = Some("tel:+1555".into());
        site.review_interval_months = Some(0);
        let paths: Vec<String> = problems(&site).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "report_mistake_url",
                "review_interval_months",
                "people[0].credentials",
                "people[0].photo",
                "people[0].profile_url",
                "people[1].id",
                "people[1].credentials",
                "people[1].photo",
                "people[1].profile_url",
            ]
        );
    }

    #[test]
    fn the_clinic_s_texts_in_other_languages_are_checked_as_its_own() {
        let mut site = crate::fixtures::site();
        site.in_languages = vec![crate::model::SiteTexts {
            lang: "español".into(),
            announcement: Some(vec![Inline::Text(" ".into())]),
            disclaimer: Some("".into()),
            editorial_policy_url: Some("javascript:x".into()),
            report_mistake_url: Some("tel:+1555".into()),
        }];
        let paths: Vec<String> = problems(&site).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            [
                "in_languages[0].lang",
                "in_languages[0].announcement[0].text",
                "in_languages[0].disclaimer",
                "in_languages[0].editorial_policy_url",
                "in_languages[0].report_mistake_url",
            ]
        );
    }

    #[test]
    fn a_page_shows_the_clinic_s_texts_of_its_language_the_site_s_elsewhere() {
        let mut site = crate::fixtures::site();
        let texts = |lang: &str, disclaimer: &str| crate::model::SiteTexts {
            lang: lang.into(),
            announcement: None,
            disclaimer: Some(disclaimer.into()),
            editorial_policy_url: Some(format!("/{lang}/policy/")),
            report_mistake_url: None,
        };
        site.in_languages = vec![
            texts("es", "No es consejo."),
            texts("es-MX", "No es consejo (MX)."),
        ];
        let shown = |lang: &str| {
            let site = site.in_language(lang);
            (
                site.disclaimer,
                site.editorial_policy_url,
                site.announcement,
            )
        };
        let news = vec![Inline::Text("News".into())];
        assert_eq!(
            shown("es-MX"),
            (
                "No es consejo (MX).".into(),
                Some("/es-MX/policy/".into()),
                news.clone()
            )
        );
        assert_eq!(
            shown("es-AR"),
            (
                "No es consejo.".into(),
                Some("/es/policy/".into()),
                news.clone()
            )
        );
        assert_eq!(shown("en"), ("Not advice.".into(), None, news));
    }

    #[test]
    fn a_category_named_in_any_script_has_an_address_and_one_without_letters_is_refused() {
        let mut named = article(vec![section("A", &[])], &["Q?"]);
        for name in ["Дорсалгия", "آلام الظهر", "Músculos y huesos"] {
            named.category = name.into();
            assert!(problems(&named).is_empty(), "{name}");
        }
        named.category = "· — ·".into();
        let found = problems(&named);
        assert!(
            found.iter().any(|problem| problem.path == "category"
                && problem.message.contains("letters or digits")),
            "{found:?}"
        );
    }
}
