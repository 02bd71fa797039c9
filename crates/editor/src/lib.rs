//! What editors run, through the `content` command (`src/bin/content.rs`): the checker that
//! holds a content folder to the same types and rules as the browser ([`check`], which the
//! build runs too), the Markdown reader and writer ([`markdown`]), the importer of a
//! WordPress blog ([`wordpress`]), the JSON Schemas editors' tools
//! complete keys from ([`schema`]), the reading grade key points are held to
//! ([`readability`]), the Markdown articles every build reads ([`sources`]), and made-up
//! articles to measure the site at scale ([`sample_articles`]), and the configuration of the
//! editors' page in the browser ([`cms`]). Natively only; no Leptos.

pub mod check;
pub mod cms;
pub mod markdown;
pub mod readability;
pub mod sample_articles;
pub mod schema;
pub mod sources;
pub mod wordpress;
