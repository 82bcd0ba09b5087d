INSERT INTO orders VALUES (1); INSERT INTO audit_log VALUES (1, 'kept until the contract');
