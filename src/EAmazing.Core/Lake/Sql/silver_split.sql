-- Splits a month's bronze rows by the first hex digit of the user pseudonym (scratch files, one folder per digit),
-- so each silver bucket reads only its own users instead of the whole month.
COPY (
    SELECT *, substr(user_id, 1, 1) AS user_digit
    FROM read_parquet({sources})
) TO '{target}' (FORMAT parquet, PARTITION_BY (user_digit))
