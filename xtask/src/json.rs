//! Just enough JSON to read numbers out of the files benchmark tools write (criterion's
//! `estimates.json`), so xtask stays free of dependencies.
//!
//! The whole document is checked, but only objects and numbers are kept: strings, arrays,
//! booleans and nulls are read past and become [`Value::Other`].

/// A JSON value, as far as xtask looks into one.
#[derive(Debug, PartialEq)]
pub enum Value {
    /// A number.
    Number(f64),
    /// An object's members in document order.
    Object(Vec<(String, Value)>),
    /// Any other value, read and dropped.
    Other,
}

impl Value {
    /// The value at `path`, a list of object keys from this value down.
    pub fn at(&self, path: &[&str]) -> Option<&Value> {
        path.iter().try_fold(self, |value, key| match value {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        })
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Parses a whole JSON document; the error names the byte offset where it went wrong.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.pos == parser.bytes.len() {
        Ok(value)
    } else {
        Err(parser.error("end of input"))
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, expected: &str) -> String {
        format!("invalid JSON at byte {}: expected {expected}", self.pos)
    }

    fn skip_whitespace(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(&format!("`{}`", byte as char)))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(|_| Value::Other),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for literal in ["true", "false", "null"] {
                    if self.bytes[self.pos..].starts_with(literal.as_bytes()) {
                        self.pos += literal.len();
                        return Ok(Value::Other);
                    }
                }
                Err(self.error("a value"))
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.expect(b'{')?;
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            let key = self.string()?;
            self.expect(b':')?;
            members.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            self.expect(b',')?;
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        self.expect(b'[')?;
        if self.eat(b']') {
            return Ok(Value::Other);
        }
        loop {
            self.value()?;
            if self.eat(b']') {
                return Ok(Value::Other);
            }
            self.expect(b',')?;
        }
    }

    /// A string; escapes other than `\"` and `\\` are kept as written, which is enough for
    /// object keys.
    fn string(&mut self) -> Result<String, String> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("a string"));
        }
        let start = self.pos + 1;
        let mut text = Vec::new();
        let mut i = start;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(String::from_utf8_lossy(&text).into_owned());
                }
                b'\\' => {
                    let escaped = *self
                        .bytes
                        .get(i + 1)
                        .ok_or_else(|| self.error("an escape"))?;
                    if !matches!(escaped, b'"' | b'\\') {
                        text.push(b'\\');
                    }
                    text.push(escaped);
                    i += 2;
                }
                _ => {
                    text.push(b);
                    i += 1;
                }
            }
        }
        Err(self.error("the end of a string"))
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
        {
            self.pos += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.pos])
            .ok()
            .and_then(|digits| digits.parse().ok())
            .map(Value::Number)
            .ok_or_else(|| {
                self.pos = start;
                self.error("a number")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_criterion_estimate() {
        let text = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,
            "lower_bound":11.5,"upper_bound":12.5},"point_estimate":1.2e1,
            "standard_error":0.1},"median":null,"tags":["a\"b",true,[]]}"#;
        let value = parse(text).unwrap();
        assert_eq!(
            value
                .at(&["mean", "point_estimate"])
                .and_then(Value::as_f64),
            Some(12.0)
        );
        assert_eq!(value.at(&["median"]), Some(&Value::Other));
        assert_eq!(value.at(&["mean", "nothing"]), None);
    }

    #[test]
    fn refuses_broken_json() {
        assert!(parse(r#"{"mean": }"#).is_err());
        assert!(parse(r#"{"mean": 1} x"#).is_err());
        assert!(parse(r#"{"mean": "open"#).is_err());
        assert!(parse("-").is_err());
    }
}
