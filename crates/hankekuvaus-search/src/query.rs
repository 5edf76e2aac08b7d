//! The query language: words are ANDed, `"a phrase"`, `OR`, `-excluded`, `( … )`, and
//! `field:` prefixes in Finnish or English (`kunta:Mikkeli`, `municipality:Mikkeli`).

use std::fmt;
use std::ops::Range;

use hankekuvaus::{Fund, Period, Status};

use crate::text::words;
use crate::units::{Field, FieldSet, ANY_FIELD};

/// A parsed query, ready for [`crate::Index::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub(crate) root: Node,
}

/// A node of the query tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// Every document (an empty query, or one of exclusions only).
    All,
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    /// One word, or a phrase of adjacent words, in any of `fields`.
    Words {
        fields: FieldSet,
        words: Vec<Word>,
    },
    /// A test of a value that is not words: fund, period, status, start year.
    Attr(Attr),
}

/// One query word as typed (cut like indexed text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub text: String,
    /// The word is still being typed: it also finds words it begins.
    pub prefix: bool,
}

/// A test of a document's fund, period, status or start year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attr {
    Fund(Fund),
    Period(Period),
    Status(Status),
    StartYear(i32),
}

/// Why a query could not be read, with the byte range of the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// What is wrong.
    pub kind: QueryErrorKind,
    /// Where, as a byte range of the query text.
    pub at: Range<usize>,
}

/// The kinds of [`QueryError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `OR` with nothing on one side.
    DanglingOr,
    /// A `(` without its `)`.
    UnclosedParenthesis,
    /// A `)` without its `(`.
    UnexpectedParenthesis,
    /// `kunta:` followed by nothing.
    EmptyField(String),
    /// A value the field cannot have: `vuosi:abc`, `rahasto:X`. Holds the field and the
    /// values it takes.
    BadValue {
        /// The field as written.
        field: String,
        /// What the field accepts, for the message.
        expected: &'static str,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            QueryErrorKind::DanglingOr => f.write_str("OR needs a word on both sides"),
            QueryErrorKind::UnclosedParenthesis => f.write_str("a '(' is not closed"),
            QueryErrorKind::UnexpectedParenthesis => f.write_str("a ')' has no '(' before it"),
            QueryErrorKind::EmptyField(name) => write!(f, "'{name}:' needs a word after it"),
            QueryErrorKind::BadValue { field, expected } => {
                write!(f, "'{field}:' takes {expected}")
            }
        }?;
        write!(f, " (at {}–{})", self.at.start, self.at.end)
    }
}

impl std::error::Error for QueryError {}

/// What a `field:` prefix names.
#[derive(Debug, Clone, Copy)]
enum Target {
    Text(FieldSet),
    Fund,
    Period,
    Status,
    Year,
}

/// The `field:` names, Finnish and English, and what they search.
fn target(name: &str) -> Option<Target> {
    use Field::*;
    let text = |fields: &[Field]| Target::Text(fields.iter().fold(0, |set, f| set | f.bit()));
    Some(match name {
        "koodi" | "hankekoodi" | "code" => text(&[Code]),
        "nimi" | "name" | "title" => text(&[Name]),
        "toteuttaja" | "hakija" | "osatoteuttaja" | "organisaatio" | "applicant"
        | "implementer" | "organisation" | "organization" => text(&[Organisation, BusinessId]),
        // A co-implementer's line holds its name and Y-tunnus together, so a Y-tunnus is
        // looked for in organisation lines too.
        "ytunnus" | "y-tunnus" | "businessid" => text(&[Organisation, BusinessId]),
        "organisaatiotyyppi" | "orgtype" => text(&[OrganisationType]),
        "maakunta" | "region" => text(&[Region]),
        "seutukunta" | "subregion" => text(&[SubRegion]),
        "kunta" | "municipality" => text(&[Municipality]),
        "alue" | "area" => text(&[Region, SubRegion, Municipality]),
        "viranomainen" | "authority" => text(&[Authority]),
        "toimintalinja" | "erityistavoite" | "axis" | "objective" => text(&[PriorityAxis]),
        "tiivistelmä" | "summary" => text(&[Summary]),
        "kohderyhmä" | "kohderyhmät" | "target" => text(&[TargetGroups]),
        "indikaattori" | "indicator" => text(&[Indicators]),
        "tasa-arvo" | "gender" => text(&[Gender]),
        "kestävyys" | "kestävä" | "sustainability" => text(&[Sustainability]),
        "loppuraportti" | "report" => text(&[FinalReport]),
        "rahasto" | "fund" => Target::Fund,
        "kausi" | "ohjelmakausi" | "period" => Target::Period,
        "tila" | "status" => Target::Status,
        "vuosi" | "year" => Target::Year,
        _ => return None,
    })
}

/// The value of a `rahasto:`, `kausi:`, `tila:` or `vuosi:` prefix.
fn attr(target: Target, value: &str) -> Result<Attr, &'static str> {
    let v = crate::text::fold(value);
    match target {
        Target::Fund => match v.as_str() {
            "esr" | "esf" => Ok(Attr::Fund(Fund::Esr)),
            "eakr" | "erdf" => Ok(Attr::Fund(Fund::Eakr)),
            _ => Err("ESR or EAKR"),
        },
        Target::Period => match v.as_str() {
            "2014-2020" | "2014" => Ok(Attr::Period(Period::P2014_2020)),
            "2007-2013" | "2007" => Ok(Attr::Period(Period::P2007_2013)),
            _ => Err("2014-2020 or 2007-2013"),
        },
        Target::Status => match v.as_str() {
            "toiminnassa" | "active" => Ok(Attr::Status(Status::Active)),
            "päättynyt" | "ended" => Ok(Attr::Status(Status::Ended)),
            _ => Err("toiminnassa (active) or päättynyt (ended)"),
        },
        Target::Year => v
            .parse()
            .map(Attr::StartYear)
            .map_err(|_| "a year, e.g. 2019"),
        Target::Text(_) => unreachable!("text fields take words"),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Phrase(String),
    Field(String),
    Minus,
    Open,
    Close,
    Or,
}

/// Splits the query into tokens with their byte ranges.
fn lex(input: &str) -> Vec<(Token, Range<usize>)> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let single = match c {
            '(' => Some(Token::Open),
            ')' => Some(Token::Close),
            // A minus counts only in front of something: "-" alone is nothing.
            '-' => Some(Token::Minus),
            _ => None,
        };
        if let Some(t) = single {
            chars.next();
            out.push((t, start..start + 1));
            continue;
        }
        if c == '"' {
            chars.next();
            // An unclosed quote runs to the end, as people expect while typing.
            let end = input[start + 1..].find('"').map(|i| start + 1 + i);
            let text_end = end.unwrap_or(input.len());
            out.push((
                Token::Phrase(input[start + 1..text_end].to_owned()),
                start..end.map_or(input.len(), |e| e + 1),
            ));
            while chars.peek().is_some_and(|&(i, _)| i <= text_end) {
                chars.next();
            }
            continue;
        }
        let mut end = input.len();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c == '(' || c == ')' || c == '"' {
                end = i;
                break;
            }
            chars.next();
            if c == ':' && target(&crate::text::fold(&input[start..i])).is_some() {
                end = i + 1;
                break;
            }
        }
        let text = &input[start..end];
        let token = if let Some(name) = text.strip_suffix(':') {
            Token::Field(name.to_owned())
        } else if text == "OR" {
            Token::Or
        } else {
            Token::Word(text.to_owned())
        };
        out.push((token, start..end));
    }
    out
}

impl Query {
    /// Reads a query. The last word also finds the words it begins when `as_you_type` is
    /// set and the query does not end in a space (the user is still typing it).
    pub fn parse(input: &str, as_you_type: bool) -> Result<Query, QueryError> {
        let tokens = lex(input);
        let mut p = Parser {
            tokens,
            at: 0,
            end: input.len(),
        };
        let mut root = p.or()?;
        if let Some((_, range)) = p.tokens.get(p.at) {
            return Err(QueryError {
                kind: QueryErrorKind::UnexpectedParenthesis,
                at: range.clone(),
            });
        }
        let typing = as_you_type && !input.ends_with(|c: char| c.is_whitespace() || c == '"');
        if typing {
            mark_last_prefix(&mut root);
        }
        Ok(Query { root })
    }

    /// Whether the query matches every document (it is empty or excludes only).
    pub fn is_empty(&self) -> bool {
        self.root == Node::All
    }
}

/// Marks the last word of the query as a prefix.
fn mark_last_prefix(node: &mut Node) -> bool {
    match node {
        Node::And(children) | Node::Or(children) => children.iter_mut().rev().any(mark_last_prefix),
        Node::Not(_) | Node::Attr(_) | Node::All => false,
        Node::Words { words, .. } => {
            if let Some(w) = words.last_mut() {
                w.prefix = true;
            }
            true
        }
    }
}

struct Parser {
    tokens: Vec<(Token, Range<usize>)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn range(&self) -> Range<usize> {
        self.tokens
            .get(self.at)
            .map_or(self.end..self.end, |(_, r)| r.clone())
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut alternatives = Vec::new();
        loop {
            let start = self.range();
            let node = self.and()?;
            let empty = node == Node::All;
            if self.peek() == Some(&Token::Or) {
                if empty {
                    return Err(dangling(start));
                }
                alternatives.push(node);
                let or_at = self.range();
                self.at += 1;
                if matches!(self.peek(), None | Some(Token::Close | Token::Or)) {
                    return Err(dangling(or_at));
                }
            } else {
                if empty && !alternatives.is_empty() {
                    return Err(dangling(start));
                }
                alternatives.push(node);
                break;
            }
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap()
        } else {
            Node::Or(alternatives)
        })
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut parts = Vec::new();
        while let Some(token) = self.peek() {
            if matches!(token, Token::Or | Token::Close) {
                break;
            }
            if let Some(node) = self.unary()? {
                parts.push(node);
            }
        }
        Ok(match parts.len() {
            0 => Node::All,
            1 => parts.pop().unwrap(),
            _ => Node::And(parts),
        })
    }

    fn unary(&mut self) -> Result<Option<Node>, QueryError> {
        if self.peek() == Some(&Token::Minus) {
            self.at += 1;
            // "-" with nothing after it (or before an operator) is dropped.
            if matches!(self.peek(), None | Some(Token::Or | Token::Close)) {
                return Ok(None);
            }
            return Ok(self.primary()?.map(|n| Node::Not(Box::new(n))));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Option<Node>, QueryError> {
        let (token, range) = self.tokens[self.at].clone();
        self.at += 1;
        match token {
            Token::Open => {
                let node = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(QueryError {
                        kind: QueryErrorKind::UnclosedParenthesis,
                        at: range,
                    });
                }
                self.at += 1;
                Ok(Some(node))
            }
            Token::Close | Token::Or => unreachable!("and() stops at these"),
            Token::Minus => Ok(None),
            Token::Word(text) | Token::Phrase(text) => Ok(words_node(&text, ANY_FIELD)),
            Token::Field(name) => self.field(name, range),
        }
    }

    fn field(&mut self, name: String, range: Range<usize>) -> Result<Option<Node>, QueryError> {
        let target = target(&crate::text::fold(&name)).expect("the lexer checked the name");
        let value = match self.peek() {
            Some(Token::Word(v) | Token::Phrase(v)) => v.clone(),
            Some(Token::Open) if matches!(target, Target::Text(_)) => {
                let Target::Text(fields) = target else {
                    unreachable!()
                };
                let mut node = self.primary()?;
                if let Some(n) = &mut node {
                    restrict(n, fields);
                }
                return Ok(node);
            }
            _ => {
                return Err(QueryError {
                    kind: QueryErrorKind::EmptyField(name),
                    at: range,
                })
            }
        };
        let value_range = self.range();
        self.at += 1;
        match target {
            Target::Text(fields) => Ok(words_node(&value, fields)),
            _ => attr(target, &value)
                .map(|a| Some(Node::Attr(a)))
                .map_err(|expected| QueryError {
                    kind: QueryErrorKind::BadValue {
                        field: name,
                        expected,
                    },
                    at: range.start..value_range.end,
                }),
        }
    }
}

fn dangling(at: Range<usize>) -> QueryError {
    QueryError {
        kind: QueryErrorKind::DanglingOr,
        at,
    }
}

/// A word or phrase node: the text cut into words as indexed text is ("EU-rahoitus" is
/// the phrase "eu rahoitus"); `None` when it has no word at all (punctuation).
fn words_node(text: &str, fields: FieldSet) -> Option<Node> {
    let words: Vec<Word> = words(text)
        .map(|(_, w)| Word {
            text: w.to_owned(),
            prefix: false,
        })
        .collect();
    (!words.is_empty()).then_some(Node::Words { fields, words })
}

/// Limits the words under `node` to `fields` (`kunta:(Mikkeli OR Turku)`).
fn restrict(node: &mut Node, fields: FieldSet) {
    match node {
        Node::And(c) | Node::Or(c) => c.iter_mut().for_each(|n| restrict(n, fields)),
        Node::Not(n) => restrict(n, fields),
        Node::Words { fields: f, .. } => *f &= fields,
        Node::Attr(_) | Node::All => {}
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
